package org.ketaminecds.fhir;

import org.ketaminecds.rules.Replay;
import org.ketaminecds.common.CanonicalJson;
import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.ketaminecds.support.DemoServiceTest;
import org.ketaminecds.support.AuditorAccount;
import org.ketaminecds.support.FixedClockConfiguration;
import org.ketaminecds.support.Http;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Data the EHR did not prefetch is fetched from its FHIR server: a real HAPI RESTful server on loopback serving the
 * fhir-samples' prefetch data and checking the bearer token. A request with no prefetch gets the same cards as the
 * fully prefetched one; an unreachable, refusing or slow server gets 412 within the configured budget.
 */
@DemoServiceTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MissingPrefetchIT {
    static final String TOKEN = "fhir-access-token-7f3a9c";
    static final Path SAMPLES = Path.of("fhir-samples");
    static final FhirContext FHIR = FhirContext.forR4Cached();
    TestFhirServer fhir;

    @LocalServerPort
    int port;

    @BeforeAll
    void start() throws Exception {
        fhir = new TestFhirServer(TOKEN);
    }

    @AfterAll
    void stop() throws Exception {
        fhir.close();
    }

    @TestFactory
    Stream<DynamicTest> a_request_without_prefetch_gets_the_same_cards_as_the_prefetched_one() throws IOException {
        try (Stream<Path> files = Files.list(SAMPLES)) {
            return files.filter(p -> p.toString().endsWith(".request.json")).sorted().toList().stream()
                    .filter(p -> !Http.JSON.readTree(Http.read(p)).path("prefetch").isEmpty())
                    .map(p -> DynamicTest.dynamicTest(p.getFileName().toString(), () -> sameCardsWithout(p, List.of())));
        }
    }

    @Test
    void a_partial_prefetch_is_completed_from_the_server_and_the_audit_record_says_which_is_which() {
        Path sample = SAMPLES.resolve("order-sign-ketamine-aneurysm-and-interactions.request.json");
        JsonNode record = sameCardsWithout(sample, List.of("patient", "conditions", "medicationStatements"));
        String inputs = record.get("inputs").toString().toLowerCase();
        assertThat(inputs).contains("prefetch").contains("fetched");
        assertThat(fhir.requests).anyMatch(r -> r.contains("_getpages")).as("followed a next link");
    }

    @Test
    void an_operation_outcome_in_prefetch_is_treated_as_missing_data_and_fetched() {
        Path sample = SAMPLES.resolve("order-sign-esketamine-allergy-bp-maoi.request.json");
        ObjectNode request = (ObjectNode) Http.JSON.readTree(Http.read(sample));
        serveAndAuthorize(request, TOKEN);
        ObjectNode prefetch = (ObjectNode) request.get("prefetch");
        prefetch.set("allergies", Http.JSON.readTree("{\"resourceType\":\"OperationOutcome\",\"issue\":[{\"severity\":"
                + "\"error\",\"code\":\"timeout\"}]}"));
        Http.Response response = post(request);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(Replay.withoutUuids(response.json())).isEqualTo(Replay.withoutUuids(expected(sample)));
        assertThat(fhir.requests).singleElement().asString().contains("AllergyIntolerance");
    }

    @Test
    void a_wrong_fhir_access_token_gets_412() {
        ObjectNode request = withoutPrefetch(SAMPLES.resolve("order-sign-ketamine-clean-patient.request.json"));
        serveAndAuthorize(request, "some-other-token");
        Http.Response response = post(request);
        assertThat(response.status()).isEqualTo(412);
        assertThat(response.json().get("resourceType").asString()).isEqualTo("OperationOutcome");
    }

    @Test
    void an_unreachable_fhir_server_gets_412_within_the_budget() throws IOException {
        ObjectNode request = withoutPrefetch(SAMPLES.resolve("order-sign-ketamine-clean-patient.request.json"));
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        authorize(request, "http://127.0.0.1:" + closedPort + "/fhir", TOKEN);
        long start = System.nanoTime();
        Http.Response response = post(request);
        assertThat(response.status()).isEqualTo(412);
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(3_500);
    }

    @Test
    void a_slow_fhir_server_gets_412_within_the_budget() {
        ObjectNode request = withoutPrefetch(SAMPLES.resolve("order-sign-ketamine-clean-patient.request.json"));
        serveAndAuthorize(request, TOKEN);
        fhir.delayMillis.set(10_000);
        try {
            long start = System.nanoTime();
            Http.Response response = post(request);
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertThat(response.status()).isEqualTo(412);
            assertThat(response.json().get("resourceType").asString()).isEqualTo("OperationOutcome");
            assertThat(millis).as("budget 2 s").isLessThan(3_500);
        } finally {
            fhir.delayMillis.set(0);
        }
    }

    @Test
    void an_https_only_profile_refuses_a_plain_http_fhir_server_without_calling_it() {
        var fetcher = new HapiMissingDataFetcher(FHIR, new FhirFetchProperties(null, null, null, 0, 1, false, 0),
                java.time.Clock.systemUTC());
        try (fetcher) {
            fhir.serve(List.of());
            var result = fetcher.fetch(new FhirServerAccess(fhir.baseUrl(), TOKEN), PrefetchKey.CONDITIONS,
                    "Condition?patient=p1");
            assertThat(result).isEmpty();
            assertThat(fhir.requests).isEmpty();
        }
    }

    @Test
    void a_fhir_server_that_sends_more_resources_than_the_cap_counts_as_unavailable_for_that_key() {
        var fetcher = new HapiMissingDataFetcher(FHIR, new FhirFetchProperties(null, null, null, 0, 1, true, 2),
                java.time.Clock.systemUTC());
        try (fetcher) {
            List<org.hl7.fhir.r4.model.Resource> conditions = new java.util.ArrayList<>();
            for (int i = 0; i < 3; i++) {
                org.hl7.fhir.r4.model.Condition condition = new org.hl7.fhir.r4.model.Condition();
                condition.setId("c" + i);
                condition.setSubject(new org.hl7.fhir.r4.model.Reference("Patient/p1"));
                conditions.add(condition);
            }
            fhir.serve(conditions);
            assertThat(fetcher.fetch(new FhirServerAccess(fhir.baseUrl(), TOKEN), PrefetchKey.CONDITIONS,
                    "Condition?patient=p1")).isEmpty();
            fhir.serve(conditions.subList(0, 2));
            assertThat(fetcher.fetch(new FhirServerAccess(fhir.baseUrl(), TOKEN), PrefetchKey.CONDITIONS,
                    "Condition?patient=p1")).get().satisfies(list -> assertThat(list).hasSize(2));
        }
    }

    private JsonNode sameCardsWithout(Path sample, List<String> removedKeys) {
        ObjectNode request = (ObjectNode) Http.JSON.readTree(Http.read(sample));
        serveAndAuthorize(request, TOKEN);
        if (removedKeys.isEmpty()) {
            request.remove("prefetch");
        } else {
            removedKeys.forEach(((ObjectNode) request.get("prefetch"))::remove);
        }
        Http.Response response = post(request);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(Replay.withoutUuids(response.json())).isEqualTo(Replay.withoutUuids(expected(sample)));
        JsonNode record = new Http(port).get("/api/audit/decisions/" + response.decisionId(), "Authorization", AuditorAccount.DEMO).json();
        assertThat(fhir.requests).as(record.get("inputs").toString()).isNotEmpty();
        return record;
    }

    private ObjectNode withoutPrefetch(Path sample) {
        ObjectNode request = (ObjectNode) Http.JSON.readTree(Http.read(sample));
        request.remove("prefetch");
        return request;
    }

    /** Serves the request's prefetch data from the test server and points the request at it. */
    private void serveAndAuthorize(ObjectNode request, String token) {
        List<Resource> resources = new ArrayList<>();
        JsonNode prefetch = request.path("prefetch");
        prefetch.forEach(value -> {
            if (!value.isNull()) {
                Resource resource = (Resource) FHIR.newJsonParser().parseResource(value.toString());
                resources.addAll(FactMapper.entries(resource));
            }
        });
        fhir.serve(resources);
        authorize(request, fhir.baseUrl(), token);
    }

    private static void authorize(ObjectNode request, String server, String token) {
        request.put("fhirServer", server);
        ObjectNode auth = request.putObject("fhirAuthorization");
        auth.put("access_token", token).put("token_type", "Bearer").put("expires_in", 300)
                .put("scope", "patient/*.read").put("subject", "ketamine-cds");
    }

    private Http.Response post(ObjectNode request) {
        return new Http(port).postJson("/cds-services/ketamine-" + request.get("hook").asString(), request.toString());
    }

    private static JsonNode expected(Path sample) {
        return Http.JSON.readTree(Http.read(Path.of(sample.toString().replace(".request.json", ".response.json"))));
    }

}
