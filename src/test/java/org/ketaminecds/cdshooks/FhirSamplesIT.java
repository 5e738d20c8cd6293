package org.ketaminecds.cdshooks;

import org.ketaminecds.rules.Replay;
import org.ketaminecds.common.CanonicalJson;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.ketaminecds.support.DemoServiceTest;
import org.ketaminecds.support.AuditorAccount;
import org.ketaminecds.support.FixedClockConfiguration;
import org.ketaminecds.support.Http;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Starts the application on a real port, posts every request of {@code fhir-samples/}, compares the answer with
 * the sample's expected response (card uuids aside), and reads each decision back from the audit API.
 * Run with {@code -Dsamples.record=true} to rewrite the expected responses after a deliberate change; review
 * the diff like any other clinical change.
 */
@DemoServiceTest
class FhirSamplesIT {
    static final Path SAMPLES = Path.of("fhir-samples");
    static final JsonMapper PRETTY = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    @LocalServerPort
    int port;

    @TestFactory
    Stream<DynamicTest> every_sample_request_gets_its_expected_cards_and_is_recorded() throws IOException {
        Http http = new Http(port);
        try (Stream<Path> files = Files.list(SAMPLES)) {
            return files.filter(p -> p.toString().endsWith(".request.json")).sorted().toList().stream()
                    .map(request -> DynamicTest.dynamicTest(request.getFileName().toString(), () -> check(http, request)));
        }
    }

    private void check(Http http, Path requestFile) throws IOException {
        JsonNode request = Http.JSON.readTree(Http.read(requestFile));
        String service = "ketamine-" + request.get("hook").asString();
        Http.Response response = http.postJson("/cds-services/" + service, Http.read(requestFile));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        Path expectedFile = SAMPLES.resolve(requestFile.getFileName().toString().replace(".request.json", ".response.json"));
        if (Boolean.getBoolean("samples.record")) {
            Files.writeString(expectedFile, PRETTY.writeValueAsString(Replay.withoutUuids(response.json())) + "\n");
        }
        assertThat(Replay.withoutUuids(response.json())).isEqualTo(Replay.withoutUuids(Http.JSON.readTree(Http.read(expectedFile))));

        JsonNode record = http.get("/api/audit/decisions/" + response.decisionId(), "Authorization", AuditorAccount.DEMO)
                .json();
        assertThat(record.get("httpStatus").asInt()).isEqualTo(200);
        assertThat(record.get("hookInstance").asString()).isEqualTo(request.get("hookInstance").asString());
        assertThat(record.get("serviceId").asString()).isEqualTo(service);
        assertThat(record.get("cards")).isEqualTo(response.json().get("cards"));
        Set<String> fired = new HashSet<>();
        record.path("firedRules").forEach(r -> fired.add(r.get("ruleId").asString()));
        response.json().get("cards").forEach(card ->
                assertThat(fired).contains(card.get("source").get("topic").get("code").asString()));
        assertThat(record.get("rulePackVersion").asString()).hasSize(64);
    }

}
