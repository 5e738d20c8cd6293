package org.ketaminecds.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.ketaminecds.common.CanonicalJson;
import org.ketaminecds.facts.FactSet;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Audit records keep their fact snapshot for as long as they are kept: snapshots written by earlier versions (in
 * {@code src/test/resources/snapshots/format-N/}, frozen) still read into today's fact model and replay with today's
 * pack.
 */
class FactSnapshotTest {
    static final Path SNAPSHOTS = Path.of("src/test/resources/snapshots");
    static RulePack pack;

    @BeforeAll
    static void shippedPack() {
        pack = new RulePackLoader(Clock.systemUTC()).load(Path.of("rules"));
    }

    @TestFactory
    Stream<DynamicTest> every_snapshot_of_an_earlier_format_replays_with_todays_pack() throws IOException {
        try (Stream<Path> files = Files.walk(SNAPSHOTS)) {
            return files.filter(p -> p.toString().endsWith(".json")).sorted().toList().stream()
                    .map(file -> DynamicTest.dynamicTest(SNAPSHOTS.relativize(file).toString(), () -> replay(file)));
        }
    }

    private static void replay(Path file) throws IOException {
        ObjectNode fixture = (ObjectNode) CanonicalJson.parse(Files.readString(file));
        String factsJson = fixture.get("factsJson").asString();
        assertThat(FactSnapshot.format(factsJson)).as("the folder names the format")
                .isEqualTo(Integer.parseInt(file.getParent().getFileName().toString().replace("format-", "")));
        Replay.Recorded recorded = new Replay.Recorded(file.getFileName().toString(),
                Instant.parse(fixture.get("recordedAt").asString()), fixture.get("serviceId").asString(),
                fixture.get("patientId").asString(), fixture.get("recordedPack").asString(), factsJson,
                fixture.get("cardsJson").asString());
        Map<String, String> replayed = Scenarios.cards(Replay.evaluate(recorded, pack).findings());
        if (Boolean.getBoolean("snapshots.record")) {
            ObjectNode cards = fixture.putObject("replayCards");
            replayed.forEach(cards::put);
            Files.writeString(file, fixture.toPrettyString() + "\n");
        }
        assertThat(replayed).as("cards of %s replayed with today's pack", file)
                .isEqualTo(expected(fixture.get("replayCards")));
    }

    private static Map<String, String> expected(JsonNode cards) {
        Map<String, String> expected = new TreeMap<>();
        cards.properties().forEach(e -> expected.put(e.getKey(), e.getValue().asString()));
        return expected;
    }

    @Test
    void a_snapshot_is_written_in_the_current_format_and_reads_back_equal() throws IOException {
        Path any = Files.list(SNAPSHOTS.resolve("format-1")).sorted().findFirst().orElseThrow();
        FactSet facts = FactSnapshot.read(CanonicalJson.parse(Files.readString(any)).get("factsJson").asString());
        String written = FactSnapshot.write(facts);
        assertThat(FactSnapshot.format(written)).isEqualTo(FactSnapshot.FORMAT);
        assertThat(FactSnapshot.read(written)).isEqualTo(facts);
    }

    @Test
    void a_snapshot_from_a_newer_version_is_refused_rather_than_misread() {
        assertThatThrownBy(() -> FactSnapshot.read("{\"format\":" + (FactSnapshot.FORMAT + 1) + ",\"facts\":{}}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("newer");
    }
}
