package org.ketaminecds.cdshooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.ketaminecds.audit.ServiceProcess;
import org.ketaminecds.support.AuditorAccount;
import org.ketaminecds.support.Http;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Issue 14, "done when": no request within the body cap can exhaust the heap. The service runs as its own JVM with a
 * 256 MB heap and {@code -XX:+ExitOnOutOfMemoryError} (so running out of memory would end it), and receives, one
 * after the other, the largest requests of every shape the limits allow. It must answer each (200, or the documented
 * refusal), record each, stay up, and stream them all back in an export.
 */
class SmallHeapIT {
    static final Path OUTPUT = Path.of("target", "small-heap");

    @Test
    void the_largest_requests_of_every_shape_are_answered_and_recorded_by_a_service_with_a_256_mb_heap()
            throws IOException {
        Path workDir = Files.createDirectories(OUTPUT.resolve("work-" + System.nanoTime()));
        Path log = OUTPUT.resolve("service.log");
        Files.deleteIfExists(log);
        try (ServiceProcess service = ServiceProcess.start(workDir, log, Map.of(),
                List.of("--spring.profiles.active=demo", "--ketamine.rules.dir=" + Path.of("rules").toAbsolutePath()),
                List.of("-Xmx256m", "-XX:+ExitOnOutOfMemoryError", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"))) {
            Http http = service.http();
            List<String> decisions = new ArrayList<>();
            requests().forEach((name, request) -> {
                long start = System.nanoTime();
                Http.Response response = http.post(request.path(), "application/json", request.body());
                System.out.printf("%s: %d bytes, %d in %d ms%n", name, request.body().length(), response.status(),
                        (System.nanoTime() - start) / 1_000_000);
                assertThat(service.alive()).as("%s: the service is still running; see %s", name, log).isTrue();
                assertThat(response.status()).as("%s: %s", name, response.body().length() > 300
                        ? response.body().substring(0, 300) : response.body()).isEqualTo(request.status());
                assertThat(response.decisionId()).as("%s is recorded", name).isNotNull();
                decisions.add(response.decisionId());
            });

            assertThat(http.get("/actuator/health").status()).isEqualTo(200);
            Http.Response export = http.get("/api/audit/export?format=ndjson&size=1000", "Authorization",
                    AuditorAccount.DEMO);
            assertThat(export.status()).isEqualTo(200);
            assertThat(export.body().lines().map(l -> Http.JSON.readTree(l).get("id").asString()))
                    .containsAll(decisions);
            assertThat(service.alive()).isTrue();
        }
        assertThat(Files.readString(log)).doesNotContain("OutOfMemoryError");
    }

    record Request(String path, String body, int status) {
    }

    /** Each as large as the limits allow. */
    static Map<String, Request> requests() {
        String sign = "/cds-services/ketamine-order-sign";
        Map<String, Request> requests = new LinkedHashMap<>();
        requests.put("largest mixed", new Request(sign, LargestRequestIT.largestRequest(), 200));
        requests.put("10,000 doses", new Request(sign, GrowthRequests.DOSES.request(10_000).toString(), 200));
        requests.put("10,000 observations", new Request(sign, GrowthRequests.OBSERVATIONS.request(10_000).toString(),
                200));
        requests.put("10,000 medications", new Request(sign, GrowthRequests.MEDICATIONS.request(10_000).toString(),
                200));
        requests.put("10,000 conditions", new Request(sign, GrowthRequests.CONDITIONS.request(10_000).toString(),
                200));
        requests.put("four labels of a million characters", new Request(sign, longLabels(), 200));
        requests.put("500 draft orders", new Request(sign, GrowthRequests.DRAFT_ORDERS.request(500).toString(), 200));
        requests.put("24,000 drafts and 112,000 selections", new Request("/cds-services/ketamine-order-select",
                orderSelect(), 400));
        requests.put("one byte over the body cap", new Request(sign, " ".repeat(5 * 1024 * 1024 + 1), 413));
        return requests;
    }

    private static String longLabels() {
        ObjectNode request = GrowthRequests.LABEL_LENGTH.request(1_000_000);
        ArrayNode statements = (ArrayNode) request.at("/prefetch/medicationStatements/entry");
        for (int i = 0; i < 3; i++) {
            ObjectNode copy = (ObjectNode) statements.get(0).deepCopy();
            ((ObjectNode) copy.get("resource")).put("id", "long-" + i);
            statements.add(copy);
        }
        return request.toString();
    }

    private static String orderSelect() {
        ObjectNode request = GrowthRequests.SELECTIONS.request(0);
        ArrayNode entries = ((ObjectNode) request.at("/context/draftOrders")).putArray("entry");
        for (int i = 0; i < 24_000; i++) {
            entries.addObject().putObject("resource").put("resourceType", "MedicationRequest").put("id", "d" + i);
        }
        ArrayNode selections = ((ObjectNode) request.get("context")).putArray("selections");
        for (int i = 0; i < 112_000; i++) {
            selections.add("MedicationRequest/d" + i);
        }
        return request.toString();
    }
}
