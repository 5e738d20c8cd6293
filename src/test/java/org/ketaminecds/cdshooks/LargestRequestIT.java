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
 * Issue 14, "bounded output": the largest request allowed (just under the 5 MB body cap, the most doses a prefetch
 * key may hold, thousands of observations and a long label) against the ceilings documented in docs/performance.md
 * ("Bounded output"): the response, each card, the stored record, and the search page.
 */
@DemoServiceTest
class LargestRequestIT {
    static final int RESPONSE_CEILING = 100_000;
    static final int CARD_CEILING = 12_000;
    static final int SEARCH_ITEM_CEILING = 4_000;

    @LocalServerPort
    int port;
    Http http;

    @BeforeEach
    void setUp() {
        http = new Http(port);
    }

    static String largestRequest() {
        ObjectNode request = GrowthRequests.DOSES.request(10_000);
        ((ObjectNode) request.at("/context")).put("patientId", "largest");
        ((ObjectNode) request.at("/prefetch/patient")).put("id", "largest");
        ArrayNode observations = (ArrayNode) request.at("/prefetch/observations/entry");
        ObjectNode moreObservations = GrowthRequests.OBSERVATIONS.request(4_000);
        moreObservations.at("/prefetch/observations/entry").forEach(observations::add);
        ObjectNode label = (ObjectNode) GrowthRequests.LABEL_LENGTH.request(200_000)
                .at("/prefetch/medicationStatements/entry/0/resource");
        ((ArrayNode) request.at("/prefetch/medicationStatements/entry")).addObject().set("resource", label);
        return request.toString();
    }

    @Test
    void the_largest_request_gives_a_response_a_record_and_a_search_page_within_their_ceilings() {
        String body = largestRequest();
        assertThat(body.length()).as("bytes, just under the 5 MB body cap").isBetween(4_800_000, 5 * 1024 * 1024);

        Http.Response response = http.postJson("/cds-services/ketamine-order-sign", body);

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.body().length()).as("response characters").isLessThan(RESPONSE_CEILING);
        assertThat(response.json().get("cards")).isNotEmpty()
                .allSatisfy(card -> assertThat(card.toString().length()).isLessThan(CARD_CEILING));

        Http.Response record = http.get("/api/audit/decisions/" + response.decisionId(), "Authorization",
                AuditorAccount.DEMO);
        assertThat(record.status()).isEqualTo(200);
        assertThat(record.body().length()).as("stored record, characters").isLessThan(3 * body.length() + 100_000);
        assertThat(record.body()).doesNotContain("x".repeat(1_001));

        Http.Response page = http.get("/api/audit/decisions?patient=largest&size=200", "Authorization",
                AuditorAccount.DEMO);
        JsonNode items = page.json().get("items");
        assertThat(items).isNotEmpty().allSatisfy(item -> {
            assertThat(item.toString().length()).as("search item characters").isLessThan(SEARCH_ITEM_CEILING);
            assertThat(item.has("facts") || item.has("inputs") || item.has("firedRules")).isFalse();
        });

        Http.Response export = http.get("/api/audit/export?format=ndjson&patient=largest&size=1", "Authorization",
                AuditorAccount.DEMO);
        assertThat(export.status()).isEqualTo(200);
        assertThat(export.body().lines()).hasSize(1);
        System.out.printf("largest request: body %d, response %d, record %d, search item %d characters%n",
                body.length(), response.body().length(), record.body().length(), items.get(0).toString().length());
    }
}
