package org.ketaminecds.rules;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import java.lang.ref.WeakReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kie.api.KieServices;
import org.kie.api.builder.KieRepository;
import org.ketaminecds.cdshooks.OfflineDecisions;
import org.ketaminecds.fhir.FhirJson;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** The reloader on a copy of the shipped pack, driven by hand ({@code poll()}) instead of its schedule. */
class RulePackReloaderTest {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-02T09:00:00Z"), ZoneOffset.UTC);
    Path dir;
    RuleEngine engine;
    PackArchive archive;
    RulePackReloader reloader;

    @BeforeEach
    void serveACopy() throws Exception {
        dir = PackCopies.copy();
        DriverManagerDataSource dataSource = new DriverManagerDataSource(
                "jdbc:h2:mem:reloader-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1", "sa", "");
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        for (String statement : Files.readString(Path.of("src/main/resources/db/migration/V20__rule_pack_archive.sql"))
                .replaceAll("--[^\n]*", "").split(";")) {
            if (!statement.isBlank()) {
                jdbc.execute(statement);
            }
        }
        RulesProperties properties = new RulesProperties(dir, Duration.ZERO, true);
        engine = new RuleEngine(properties, CLOCK);
        archive = new PackArchive(jdbc, CLOCK);
        HookDecider decider = new OfflineDecisions(new FhirJson(FhirContext.forR4()));
        reloader = new RulePackReloader(engine, properties, archive, new PackCheck(CLOCK, () -> decider), CLOCK);
        reloader.start();
    }

    @Test
    void the_pack_serving_at_startup_is_archived_and_rebuilds_to_the_same_version() {
        String version = engine.live().version();
        assertThat(archive.versions()).containsExactly(version);
        assertThat(archive.pack(version)).get().extracting(RulePack::version).isEqualTo(version);
        assertThat(archive.pack(version).get().rules()).hasSameSizeAs(engine.live().rules());
    }

    @Test
    void an_unchanged_directory_builds_nothing() {
        assertThat(reloader.poll()).isFalse();
        assertThat(engine.lastFailure()).isEmpty();
    }

    @Test
    void a_broken_rule_file_is_refused_with_file_line_and_rule_and_the_last_good_pack_keeps_serving() {
        RulePack good = engine.live();
        PackCopies.breakA05(dir);

        assertThat(reloader.poll()).isFalse();

        assertThat(engine.live()).isSameAs(good);
        ReloadFailure failure = engine.lastFailure().orElseThrow();
        assertThat(failure.version()).isEqualTo(RulePackLoader.version(dir));
        assertThat(failure.messages().get(0).toString())
                .matches("suitability/A05-A06-pre-dose-blood-pressure\\.drl:\\d+: A05 Pre-dose blood pressure.*");
        assertThat(reloader.poll()).as("the same broken content is not rebuilt").isFalse();
    }

    @Test
    void undoing_a_refused_change_clears_the_failure_without_a_rebuild() {
        RulePack good = engine.live();
        PackCopies.breakA05(dir);
        reloader.poll();
        PackCopies.fixA05(dir);

        assertThat(reloader.poll()).isFalse();

        assertThat(engine.lastFailure()).isEmpty();
        assertThat(engine.live()).isSameAs(good);
    }

    @Test
    void a_pack_whose_scenario_fails_is_refused() {
        PackCopies.edit(dir, "policy.yaml", "key: bp.predose.warning.systolic\n    value: 140",
                "key: bp.predose.warning.systolic\n    value: 160");
        PackCopies.edit(dir, "policy.yaml", "key: bp.predose.warning.diastolic\n    value: 90",
                "key: bp.predose.warning.diastolic\n    value: 100");

        assertThat(reloader.poll()).isFalse();

        assertThat(engine.lastFailure().orElseThrow().messages().get(0).toString())
                .startsWith("suitability/scenarios/A05-predose-bp-152-94-warns.yaml:0: ")
                .contains("scenario fails");
    }

    @Test
    void a_fixed_pack_with_a_new_rule_goes_live_is_archived_and_clears_the_failure() {
        PackCopies.breakA05(dir);
        reloader.poll();
        PackCopies.fixA05(dir);
        PackCopies.addNewRule(dir);

        assertThat(reloader.poll()).isTrue();

        assertThat(engine.lastFailure()).isEmpty();
        assertThat(engine.live().rules()).extracting(RuleInfo::id).contains("Z01");
        assertThat(archive.versions()).hasSize(2).last().isEqualTo(engine.live().version());
    }

    @Test
    void two_hundred_reloads_release_every_replaced_pack() throws Exception {
        dir = PackCopies.minimal();
        RulesProperties properties = new RulesProperties(dir, Duration.ZERO, true);
        engine = new RuleEngine(properties, CLOCK);
        reloader = new RulePackReloader(engine, properties, archive, new PackCheck(CLOCK, () -> null), CLOCK);
        reloader.start();
        List<WeakReference<RulePack>> replaced = new ArrayList<>();
        long firstBuild = RulePackLoader.builds();
        Path policy = dir.resolve("policy.yaml");
        String original = Files.readString(policy);
        for (int i = 0; i < 200; i++) {
            replaced.add(new WeakReference<>(engine.live()));
            Files.writeString(policy, original + "\n# reload " + i + "\n");
            assertThat(reloader.poll()).as("reload " + i).isTrue();
        }
        for (int i = 0; i < 10 && replaced.stream().anyMatch(r -> r.get() != null); i++) {
            System.gc();
            Thread.sleep(50);
        }
        // The archive keeps a few recent packs compiled; nothing else may hold a replaced pack.
        assertThat(replaced.stream().filter(r -> r.get() != null).count()).isZero();
        assertThat(archive.versions()).hasSize(202);
        KieRepository repository = KieServices.Factory.get().getRepository();
        for (long build = firstBuild; build <= RulePackLoader.builds(); build++) {
            assertThat(repository.getKieModule(RulePackLoader.releaseId(build))).as("KieModule of build " + build)
                    .isNull();
        }
    }
}
