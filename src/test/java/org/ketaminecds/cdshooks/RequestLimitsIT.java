package org.ketaminecds.cdshooks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ketaminecds.support.AuditorAccount;
import org.ketaminecds.support.DemoServiceTest;
import org.ketaminecds.support.Http;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The documented caps on the parts of a request ({@link RequestLimits}, docs/performance.md): more is a recorded
 * 400 {@code limit-exceeded}, counted before any FHIR resource is parsed.
 */
@DemoServiceTest
class RequestLimitsIT {
    @LocalServerPort
    int port;
    Http http;

    @BeforeEach
    void setUp() {
        http = new Http(port);
    }

    @Test
    void an_order_select_with_24000_draft_orders_and_112000_selections_is_refused_at_once_and_recorded() {
        ObjectNode request = GrowthRequests.SELECTIONS.request(0);
        ArrayNode entries = ((ObjectNode) request.at("/context/draftOrders")).putArray("entry");
        for (int i = 0; i < 24_000; i++) {
            entries.addObject().putObject("resource").put("resourceType", "MedicationRequest").put("id", "d" + i);
        }
        ArrayNode selections = ((ObjectNode) request.get("context")).putArray("selections");
        for (int i = 0; i < 112_000; i++) {
            selections.add("MedicationRequest/d" + i);
        }
        String body = request.toString();
        assertThat(body.length()).as("within the 5 MB body cap").isBetween(4_000_000, 5_000_000);

        long start = System.nanoTime();
        Http.Response response = http.postJson("/cds-services/ketamine-order-select", body);

        assertThat((System.nanoTime() - start) / 1_000_000).as("ms to answer").isLessThan(5_000);
        assertRefused(response, "context.draftOrders");
    }

    @Test
    void more_selections_than_the_cap_are_refused() {
        ObjectNode request = GrowthRequests.SELECTIONS.request(10);
        ArrayNode selections = ((ObjectNode) request.get("context")).putArray("selections");
        for (int i = 0; i <= 500; i++) {
            selections.add("MedicationRequest/draft-" + i);
        }
        assertRefused(http.postJson("/cds-services/ketamine-order-select", request.toString()), "context.selections");
    }

    @Test
    void a_prefetch_bundle_with_more_resources_than_the_cap_is_refused_before_it_is_parsed() {
        ObjectNode request = GrowthRequests.OBSERVATIONS.request(0);
        ArrayNode entries = ((ObjectNode) request.at("/prefetch/observations")).putArray("entry");
        for (int i = 0; i <= 10_000; i++) {
            entries.addObject().putObject("resource").put("resourceType", "Observation").put("id", "o" + i);
        }
        assertRefused(http.postJson("/cds-services/ketamine-order-sign", request.toString()), "prefetch.observations");
    }

    @Test
    void as_many_draft_orders_as_the_cap_are_decided() {
        Http.Response response = http.postJson("/cds-services/ketamine-order-sign",
                GrowthRequests.DRAFT_ORDERS.request(500).toString());
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.json().get("cards")).isNotEmpty();
    }

    private void assertRefused(Http.Response response, String path) {
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        JsonNode outcome = response.json();
        assertThat(outcome.at("/issue/0/details/coding/0/code").asString()).isEqualTo("limit-exceeded");
        assertThat(outcome.at("/issue/0/expression/0").asString()).isEqualTo(path);
        assertThat(response.decisionId()).as("the refusal is recorded").isNotNull();
        JsonNode record = http.get("/api/audit/decisions/" + response.decisionId(), "Authorization",
                AuditorAccount.DEMO).json();
        assertThat(record.get("errorCode").asString()).isEqualTo("limit-exceeded");
    }
}
