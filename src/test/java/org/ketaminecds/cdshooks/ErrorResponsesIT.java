package org.ketaminecds.cdshooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
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
 * Bad input gets a clear 4xx with an OperationOutcome and a stable code, never a 500 or a stack trace, and every
 * such answer is recorded in the audit trail.
 */
@DemoServiceTest
class ErrorResponsesIT {
    static final String SAMPLE = Http.read(Path.of("fhir-samples/order-sign-ketamine-aneurysm-and-interactions.request.json"));

    @LocalServerPort
    int port;
    Http http;

    @BeforeEach
    void setUp() {
        http = new Http(port);
    }

    @Test
    void malformed_json_is_a_400_with_an_operation_outcome() {
        assertRefused(http.postJson("/cds-services/ketamine-order-sign", "{\"hook\": \"order-sign\","), 400,
                "malformed-json");
    }

    @Test
    void a_request_without_hook_instance_is_a_400_naming_the_field() {
        ObjectNode request = sample();
        request.remove("hookInstance");
        Http.Response response = http.postJson("/cds-services/ketamine-order-sign", request.toString());
        JsonNode outcome = assertRefused(response, 400, "missing-field");
        assertThat(outcome.at("/issue/0/expression/0").asString()).isEqualTo("hookInstance");
    }

    @Test
    void a_hook_that_does_not_match_the_service_is_a_400() {
        assertRefused(http.postJson("/cds-services/ketamine-patient-view", SAMPLE), 400, "hook-mismatch");
    }

    @Test
    void an_unknown_service_is_a_404() {
        assertRefused(http.postJson("/cds-services/no-such-service", SAMPLE), 404, "unknown-service");
    }

    @Test
    void a_ketamine_order_without_prefetch_and_without_a_fhir_server_is_a_412() {
        ObjectNode request = sample();
        request.remove("prefetch");
        JsonNode outcome = assertRefused(http.postJson("/cds-services/ketamine-order-sign", request.toString()), 412,
                "prefetch-unavailable");
        assertThat(outcome.at("/issue/0/diagnostics").asString()).contains("patient").contains("medicationStatements");
    }

    @Test
    void a_partial_prefetch_names_only_the_missing_keys_in_the_412() {
        ObjectNode request = sample();
        ((ObjectNode) request.get("prefetch")).remove("allergies");
        JsonNode outcome = assertRefused(http.postJson("/cds-services/ketamine-order-sign", request.toString()), 412,
                "prefetch-unavailable");
        assertThat(outcome.at("/issue/0/diagnostics").asString()).contains("allergies").doesNotContain("conditions");
    }

    @Test
    void a_null_prefetch_value_means_no_data_and_is_not_a_412() {
        ObjectNode request = sample();
        ((ObjectNode) request.get("prefetch")).putNull("allergies");
        assertThat(http.postJson("/cds-services/ketamine-order-sign", request.toString()).status()).isEqualTo(200);
    }

    @Test
    void a_body_that_is_not_json_is_a_415() {
        assertRefused(http.post("/cds-services/ketamine-order-sign", "text/plain", SAMPLE), 415, "unsupported-media-type");
    }

    @Test
    void an_invalid_fhir_resource_in_prefetch_is_a_400() {
        ObjectNode request = sample();
        ((ObjectNode) request.get("prefetch")).putObject("patient").put("resourceType", "NoSuchType");
        assertRefused(http.postJson("/cds-services/ketamine-order-sign", request.toString()), 400,
                "invalid-fhir-resource");
    }

    @Test
    void fhir_authorization_without_fhir_server_is_a_400() {
        ObjectNode request = sample();
        request.putObject("fhirAuthorization").put("access_token", "secret-token").put("token_type", "Bearer");
        assertRefused(http.postJson("/cds-services/ketamine-order-sign", request.toString()), 400, "missing-field");
    }

    @Test
    void a_request_about_neither_drug_gets_an_empty_card_list_without_null_members() {
        Http.Response response = http.postJson("/cds-services/ketamine-order-sign",
                Http.read(Path.of("fhir-samples/order-sign-not-a-ketamine-order.request.json")));
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"cards\":[]}");
    }

    @Test
    void every_other_api_answers_its_errors_as_operation_outcomes_too() {
        assertOutcome(http.get("/error"), 404, "not-found");
        assertOutcome(http.get("/no/such/page"), 404, "not-found");
        assertOutcome(http.get("/api/audit/decisions"), 401, "unauthorized");
        assertOutcome(http.get("/api/audit/decisions", "Authorization", "Basic YXVkaXRvcjp3cm9uZw=="), 401,
                "unauthorized");
        assertOutcome(http.get("/api/audit/decisions?page=abc", "Authorization", AuditorAccount.DEMO), 400,
                "invalid-field");
        assertOutcome(http.get("/api/audit/decisions/no-such-id/replay", "Authorization", AuditorAccount.DEMO), 404,
                "not-found");
        assertOutcome(http.get("/api/audit/decisions/x/replay?pack=yesterday", "Authorization", AuditorAccount.DEMO),
                400, "invalid-field");
        assertOutcome(http.post("/api/rules", "application/json", "{}"), 405, "method-not-allowed");
        assertOutcome(http.post("/cds-services/ketamine-order-sign/feedback", "application/json", "{}"), 400,
                "missing-field");
    }

    @Test
    void the_audit_pages_refuse_an_anonymous_browser_with_an_operation_outcome() {
        Http.Response response = http.get("/audit");
        assertOutcome(response, 401, "unauthorized");
    }

    private static JsonNode assertOutcome(Http.Response response, int status, String code) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/fhir+json");
        JsonNode outcome = response.json();
        assertThat(outcome.get("resourceType").asString()).isEqualTo("OperationOutcome");
        assertThat(outcome.at("/issue/0/details/coding/0/code").asString()).isEqualTo(code);
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("\tat ").doesNotContain("/work/");
        return outcome;
    }

    private JsonNode assertRefused(Http.Response response, int status, String code) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/fhir+json");
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("\tat ");
        JsonNode outcome = response.json();
        assertThat(outcome.get("resourceType").asString()).isEqualTo("OperationOutcome");
        assertThat(outcome.at("/issue/0/details/coding/0/code").asString()).isEqualTo(code);
        assertThat(outcome.at("/issue/0/diagnostics").asString()).isNotBlank().hasSizeLessThan(300);
        assertThat(response.decisionId()).as("every refusal is recorded").isNotNull();
        JsonNode record = http.get("/api/audit/decisions/" + response.decisionId(), "Authorization", AuditorAccount.DEMO).json();
        assertThat(record.get("httpStatus").asInt()).isEqualTo(status);
        assertThat(record.get("errorCode").asString()).isEqualTo(code);
        return outcome;
    }

    private static ObjectNode sample() {
        return (ObjectNode) Http.JSON.readTree(SAMPLE);
    }
}
