package org.ketaminecds.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.context.FhirContext;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.GuidanceResponse;
import org.hl7.fhir.r4.model.RequestGroup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ketaminecds.support.DemoServiceTest;
import org.ketaminecds.support.FixedClockConfiguration;
import org.ketaminecds.support.Http;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;

/** The auditor's product end to end on the embedded H2 store, demo profile (local auditor account). */
@DemoServiceTest
class AuditTrailIT {
    static final String AUDITOR = basic("auditor", "demo-auditor");
    static final String SAMPLE = "fhir-samples/order-sign-esketamine-allergy-bp-maoi.request.json";

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    FhirContext fhirContext;
    Http http;
    String decisionId;
    JsonNode cards;

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    @BeforeEach
    void oneDecisionWithCards() {
        http = new Http(port);
        Http.Response response = http.postJson("/cds-services/ketamine-order-sign", Http.read(Path.of(SAMPLE)));
        assertThat(response.status()).isEqualTo(200);
        decisionId = response.decisionId();
        cards = response.json().get("cards");
    }

    JsonNode get(String path) {
        Http.Response response = http.get(path, "Authorization", AUDITOR);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    String feedback(String card, String outcome, String extra) {
        return "{\"feedback\":[{\"card\":\"" + card + "\",\"outcome\":\"" + outcome + "\","
                + "\"outcomeTimestamp\":\"2026-03-02T09:05:00Z\"" + extra + "}]}";
    }

    @Test
    void the_audit_api_and_pages_need_the_auditor_account() {
        assertThat(http.get("/api/audit/decisions/" + decisionId).status()).isEqualTo(401);
        assertThat(http.get("/api/audit/decisions/" + decisionId, "Authorization", basic("auditor", "wrong")).status())
                .isEqualTo(401);
        assertThat(http.get("/audit/index.html").status()).isEqualTo(401);
        assertThat(http.get("/api/audit/verify", "Authorization", "Bearer eyJhbGciOiJFUzM4NCJ9.e30.c2ln").status())
                .isEqualTo(401);
        assertThat(http.get("/audit/index.html", "Authorization", AUDITOR).status()).isEqualTo(200);
        assertThat(http.get("/actuator/health").status()).isEqualTo(200);
    }

    @Test
    void the_decision_detail_holds_inputs_facts_pack_fired_rules_cards_latency_and_chain_link() {
        JsonNode decision = get("/api/audit/decisions/" + decisionId);
        assertThat(decision.get("inputs").size()).isPositive();
        assertThat(decision.get("inputs").get(0).get("source").asString()).isNotBlank();
        assertThat(decision.get("facts").size()).isPositive();
        assertThat(decision.get("rulePackVersion").asString()).hasSize(64);
        assertThat(decision.get("firedRules").toString()).contains("A04");
        assertThat(decision.get("cards")).isEqualTo(cards);
        assertThat(decision.has("latencyMs")).isTrue();
        assertThat(decision.get("chain").get("recordHash").asString()).hasSize(64);
        assertThat(http.get("/api/audit/decisions/nope", "Authorization", AUDITOR).status()).isEqualTo(404);
    }

    @Test
    void feedback_posted_twice_is_stored_once_and_its_override_reason_shows_on_the_decision_and_in_statistics() {
        String card = cards.get(1).get("uuid").asString();
        String body = feedback(card, "overridden", ",\"overrideReasons\":{\"reason\":{\"system\":\"http://example.org/r\","
                + "\"code\":\"benefit\",\"display\":\"Benefit outweighs risk\"},\"userComment\":\"BP rechecked\"}");
        JsonNode first = http.postJson("/cds-services/ketamine-order-sign/feedback", body).json();
        JsonNode retry = http.postJson("/cds-services/ketamine-order-sign/feedback", body).json();
        assertThat(first.get("stored").asInt()).isEqualTo(1);
        assertThat(retry.get("stored").asInt()).isZero();
        assertThat(retry.get("duplicates").asInt()).isEqualTo(1);

        JsonNode shown = get("/api/audit/decisions/" + decisionId).get("feedback");
        assertThat(shown).hasSize(1);
        assertThat(shown.get(0).get("reason").get("display").asString()).isEqualTo("Benefit outweighs risk");
        assertThat(shown.get(0).get("userComment").asString()).isEqualTo("BP rechecked");

        JsonNode stats = get("/api/audit/statistics?rule=A05&period=day");
        assertThat(stats).hasSize(1);
        assertThat(stats.get(0).get("period").asString()).isEqualTo("2026-03-02");
        assertThat(stats.get(0).get("overridden").asLong()).isPositive();
        assertThat(stats.get(0).get("reasons").get("Benefit outweighs risk").asLong()).isPositive();
        assertThat(stats.get(0).get("overrideRate").asDouble()).isGreaterThan(0.0);
        assertThat(get("/api/audit/decisions?outcome=overridden&rule=A05").get("total").asLong()).isPositive();
    }

    @Test
    void feedback_on_an_unknown_card_is_kept_and_flagged() {
        JsonNode answer = http.postJson("/cds-services/ketamine-order-sign/feedback",
                feedback("no-such-card-" + System.nanoTime(), "accepted", ",\"acceptedSuggestions\":[{\"id\":\"x\"}]"))
                .json();
        assertThat(answer.get("stored").asInt()).isEqualTo(1);
        assertThat(answer.get("unknownCards")).hasSize(1);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM card_feedback WHERE known_card = FALSE", Long.class))
                .isPositive();
    }

    @Test
    void bad_feedback_is_a_400_operation_outcome_naming_the_field() {
        for (String body : List.of("not json", "{}", feedback("c", "ignored", ""),
                "{\"feedback\":[{\"card\":\"c\",\"outcome\":\"accepted\",\"outcomeTimestamp\":\"yesterday\"}]}")) {
            Http.Response response = http.postJson("/cds-services/ketamine-order-sign/feedback", body);
            assertThat(response.status()).as(body).isEqualTo(400);
            assertThat(response.json().get("resourceType").asString()).isEqualTo("OperationOutcome");
        }
    }

    @Test
    void searches_filter_and_page() {
        http.postJson("/cds-services/ketamine-order-sign", Http.read(Path.of(SAMPLE)));
        JsonNode page = get("/api/audit/decisions?patient=synthetic-e1&indicator=critical&size=1&page=0");
        assertThat(page.get("total").asLong()).isGreaterThanOrEqualTo(2);
        assertThat(page.get("items")).hasSize(1);
        assertThat(get("/api/audit/decisions?service=ketamine-order-sign&rule=B06&from=2026-03-02&to=2026-03-03")
                .get("items").size()).isPositive();
        assertThat(get("/api/audit/decisions?patient=nobody").get("total").asLong()).isZero();
        assertThat(http.get("/api/audit/decisions?from=soon", "Authorization", AUDITOR).status()).isEqualTo(400);
        assertThat(http.get("/api/audit/decisions?page=abc", "Authorization", AUDITOR).status()).isEqualTo(400);
        assertThat(http.get("/api/audit/decisions?size=5000", "Authorization", AUDITOR).status()).isEqualTo(400);
        assertThat(http.get("/api/audit/statistics?period=year", "Authorization", AUDITOR).status()).isEqualTo(400);
    }

    @Test
    void exports_parse_back_as_fhir_r4_ndjson_and_csv() {
        Http.Response one = http.get("/api/audit/decisions/" + decisionId + "/fhir", "Authorization", AUDITOR);
        assertThat(one.contentType()).startsWith("application/fhir+json");
        Bundle bundle = fhirContext.newJsonParser().parseResource(Bundle.class, one.body());
        List<Class<?>> types = new ArrayList<>();
        bundle.getEntry().forEach(e -> types.add(e.getResource().getClass()));
        assertThat(types).containsExactly(AuditEvent.class, GuidanceResponse.class, RequestGroup.class);
        AuditEvent event = (AuditEvent) bundle.getEntry().get(0).getResource();
        assertThat(event.getEntity()).anyMatch(e -> "Patient/synthetic-e1".equals(e.getWhat().getReference()));
        RequestGroup group = (RequestGroup) bundle.getEntry().get(2).getResource();
        assertThat(group.getAction()).hasSize(cards.size());
        assertThat(group.getActionFirstRep().getTitle()).isEqualTo(cards.get(0).get("summary").asString());

        Bundle query = fhirContext.newJsonParser().parseResource(Bundle.class,
                http.get("/api/audit/export?format=fhir&patient=synthetic-e1", "Authorization", AUDITOR).body());
        assertThat(query.getEntry().size()).isGreaterThanOrEqualTo(3);
        String ndjson = http.get("/api/audit/export?format=ndjson&patient=synthetic-e1", "Authorization", AUDITOR)
                .body();
        for (String line : ndjson.strip().split("\n")) {
            assertThat(Http.JSON.readTree(line).get("patientId").asString()).isEqualTo("synthetic-e1");
        }
        String csv = http.get("/api/audit/export?format=csv&patient=synthetic-e1", "Authorization", AUDITOR).body();
        assertThat(csv).startsWith("id,recordedAt,serviceId").contains(decisionId);
        assertThat(http.get("/api/audit/export?format=xml", "Authorization", AUDITOR).status()).isEqualTo(400);
    }

    @Test
    void the_trail_verifies_and_every_read_of_it_is_itself_recorded() {
        JsonNode verify = get("/api/audit/verify");
        assertThat(verify.get("intact").asBoolean()).as(verify.toString()).isTrue();
        List<String> reads = jdbc.query("SELECT principal, path, query_text FROM audit_access ORDER BY chain_seq",
                (rs, n) -> rs.getString("principal") + " " + rs.getString("path"));
        assertThat(reads).contains("auditor /api/audit/verify");
        get("/api/audit/decisions?patient=synthetic-e1");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_access WHERE query_text = 'patient=synthetic-e1'",
                Long.class)).isPositive();
    }

    @Test
    void the_embedded_database_refuses_to_change_or_delete_audit_rows() {
        assertThatThrownBy(() -> jdbc.update("UPDATE decision_record SET cards_json = '[]'"))
                .isInstanceOf(DataAccessException.class).hasStackTraceContaining("append-only");
        assertThatThrownBy(() -> jdbc.update("DELETE FROM audit_access"))
                .isInstanceOf(DataAccessException.class).hasStackTraceContaining("append-only");
    }
}
