package org.ketaminecds.cdshooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.ketaminecds.support.Http;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** The default profile fails closed: with no trusted issuer configured, every CDS Hooks call gets 401. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:default-profile;DB_CLOSE_DELAY=-1")
class DefaultProfileAuthenticationIT {
    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void discovery_without_a_jwt_is_refused_with_401_and_no_detail() {
        Http.Response response = new Http(port).get("/cds-services");
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.json().get("resourceType").asString()).isEqualTo("OperationOutcome");
        assertThat(response.body()).doesNotContainIgnoringCase("expired").doesNotContainIgnoringCase("signature");
    }

    @Test
    void a_service_call_with_any_bearer_token_is_refused_and_the_refusal_is_recorded_without_the_token() {
        Http http = new Http(port);
        String token = "eyJhbGciOiJub25lIn0.eyJpc3MiOiJodHRwczovL2Voci5leGFtcGxlIn0.";
        Http.Response response = new Http(port).postJson("/cds-services/ketamine-order-sign",
                Http.read(Path.of("fhir-samples/order-sign-ketamine-clean-patient.request.json")));
        assertThat(response.status()).isEqualTo(401);
        Http.Response withToken = http.get("/cds-services", "Authorization", "Bearer " + token);
        assertThat(withToken.status()).isEqualTo(401);
        Integer recorded = jdbc.queryForObject(
                "SELECT COUNT(*) FROM decision_record WHERE id = ? AND http_status = 401 AND error_code = 'unauthorized'",
                Integer.class, response.decisionId());
        assertThat(recorded).isEqualTo(1);
        Integer leaked = jdbc.queryForObject("SELECT COUNT(*) FROM decision_record WHERE cards_json LIKE ? "
                + "OR facts_json LIKE ? OR inputs_json LIKE ?", Integer.class, "%" + token + "%", "%" + token + "%",
                "%" + token + "%");
        assertThat(leaked).isZero();
    }

    @Test
    void the_audit_api_is_closed_in_the_default_profile() {
        assertThat(new Http(port).get("/api/audit/decisions?patient=x").status()).isEqualTo(401);
    }

    @Test
    void health_stays_reachable_for_the_operators() {
        Http.Response health = new Http(port).get("/actuator/health");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().at("/components/rules/status").asString()).isEqualTo("UP");
        assertThat(health.json().at("/components/db/status").asString()).isEqualTo("UP");
    }
}
