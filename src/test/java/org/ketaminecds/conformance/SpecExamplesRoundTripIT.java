package org.ketaminecds.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.ketaminecds.support.DemoServiceTest;
import org.ketaminecds.support.ExternalExamples;
import org.ketaminecds.support.FixedClockConfiguration;
import org.ketaminecds.support.Http;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Every JSON example under {@code src/test/resources/external/cds-hooks/} ({@link ExternalExamples}) that a service
 * receives (hook requests, and the hook library's contexts wrapped in a request) is posted to the running service.
 * Each must be read and answered per the spec: cards (200), 412 when its data cannot be had, 404 for a hook this
 * service does not offer, or a 400 naming the offending element when the example is invalid for an R4 service on
 * purpose (STU3 contexts). Never a 5xx, and every non-2xx is an OperationOutcome. Each example's {@code fhirServer}
 * is pointed at a closed loopback port, so the test makes no outbound call.
 */
@DemoServiceTest
class SpecExamplesRoundTripIT {
    static final Set<String> OUR_HOOKS = Set.of("order-sign", "order-select", "patient-view", "appointment-book");
    static String closedServer;

    /**
     * The expected answer of every received example: 200 cards; 412 data not prefetched and the (closed) FHIR server
     * unreachable; 404 a hook this service does not offer; 400 the example is invalid for this R4 service (why noted).
     */
    static final Map<String, Integer> EXPECTED = Map.ofEntries(
            Map.entry("cds-hooks-2.0.1-spec/request-patient-view.json", 412),
            // A fragment showing "extension": its patient-view context has no patientId (REQUIRED).
            Map.entry("cds-hooks-2.0.1-spec/request-with-extension.json", 400),
            Map.entry("cds-hooks-3.0-ballot/request-order-sign-paginated-prefetch.json", 200),
            Map.entry("davinci-crd-ig/CRDServiceRequest.json", 200),
            Map.entry("davinci-crd-ig/CRDServiceRequest2.json", 404),
            Map.entry("davinci-crd-ig/CRDServiceRequest3.json", 200),
            Map.entry("davinci-crd-ig/CRDServiceRequest4.json", 412),
            // The CRD RI's order-sign contexts have no userId (REQUIRED by the order-sign hook).
            Map.entry("davinci-crd-ri/deviceRequestNoPrefetch.json", 400),
            Map.entry("davinci-crd-ri/deviceRequestPrefetch.json", 400),
            Map.entry("davinci-crd-ri/medicationRequestNoPrefetch.json", 404),
            Map.entry("davinci-crd-ri/medicationRequestPrefetch.json", 404),
            Map.entry("hapi-cds-hooks/CdsServiceRequestJson.json", 404),
            // STU3 Appointment resources in context.appointments: read leniently (unknown or invalid elements are
            // dropped, as real EHR payloads deviate); without prefetch and with no FHIR server the data is missing.
            Map.entry("hooks-library/appointment-book-context-STU3-b.json", 412),
            Map.entry("hooks-library/appointment-book-context-STU3.json", 412),
            Map.entry("hooks-library/encounter-discharge-context.json", 404),
            Map.entry("hooks-library/encounter-start-context.json", 404),
            Map.entry("hooks-library/medication-prescribe-context-STU3-DEPRECATED.json", 404),
            Map.entry("hooks-library/order-select-context-R4.json", 200),
            Map.entry("hooks-library/order-sign-context-R4.json", 200),
            Map.entry("hooks-library/patient-view-context-encounter.json", 412),
            Map.entry("hooks-library/patient-view-context.json", 412),
            // Appointment.end "2019-08-10T09:10:00:00-06:00" is not a FHIR dateTime and "reason" is STU3: both are
            // dropped by the lenient parser; the appointment start still sets the evaluation date.
            Map.entry("inferno-crd-test-kit/appointment_book_hook_request.json", 412),
            Map.entry("inferno-crd-test-kit/encounter_discharge_hook_request.json", 404),
            Map.entry("inferno-crd-test-kit/encounter_start_hook_request.json", 404),
            Map.entry("inferno-crd-test-kit/fancy_structure_hook_request.json", 404),
            Map.entry("inferno-crd-test-kit/order_dispatch_hook_request.json", 404),
            Map.entry("inferno-crd-test-kit/order_select_hook_request.json", 200),
            Map.entry("inferno-crd-test-kit/order_sign_hook_request.json", 200));

    @LocalServerPort
    int port;

    @BeforeAll
    static void closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            closedServer = "http://127.0.0.1:" + socket.getLocalPort() + "/fhir";
        }
    }

    @TestFactory
    Stream<DynamicTest> every_received_example_is_read_and_answered_per_the_spec() throws IOException {
        Http http = new Http(port);
        return examples().map(example -> DynamicTest.dynamicTest(example.name(), () -> {
            String hook = example.request().path("hook").asString("").replace(" ", "%20");
            Http.Response response = http.postJson("/cds-services/ketamine-" + hook, example.request().toString());
            assertThat(EXPECTED).as("every received example has an expected answer").containsKey(example.name());
            assertThat(response.status()).as(response.body()).isEqualTo(EXPECTED.get(example.name()));
            if (response.status() == 200) {
                assertThat(ResponseInvariants.of(response.json())).isEmpty();
            } else {
                JsonNode outcome = response.json();
                assertThat(outcome.get("resourceType").asString()).isEqualTo("OperationOutcome");
                assertThat(outcome.at("/issue/0/diagnostics").asString()).isNotBlank();
            }
        }));
    }

    @Test
    void every_expected_example_exists() throws IOException {
        assertThat(examples().map(Example::name).toList()).containsExactlyInAnyOrderElementsOf(EXPECTED.keySet());
    }

    record Example(String name, ObjectNode request) {
    }

    static Stream<Example> examples() throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(ExternalExamples.ROOT)) {
            files = walk.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        return files.stream().flatMap(p -> {
            JsonNode json;
            try {
                json = Http.JSON.readTree(Files.readString(p));
            } catch (IOException | RuntimeException e) {
                return Stream.empty();
            }
            String name = ExternalExamples.ROOT.relativize(p).toString();
            if (json.has("hook") && json.has("context") && json instanceof ObjectNode request) {
                if (request.has("fhirServer")) {
                    request.put("fhirServer", closedServer);
                }
                return Stream.of(new Example(name, request));
            }
            if (name.startsWith("hooks-library/") && json.has("context")) {
                String file = p.getFileName().toString();
                String hook = file.substring(0, file.indexOf("-context"));
                ObjectNode request = Http.JSON.createObjectNode().put("hook", hook)
                        .put("hookInstance", "d1577c69-dfbe-44ad-ba6d-3e05e953b2ea");
                request.set("context", json.get("context"));
                return Stream.of(new Example(name, request));
            }
            return Stream.empty();
        });
    }
}
