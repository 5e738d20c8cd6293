package org.ketaminecds.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.ketaminecds.support.FixedClockConfiguration;
import org.ketaminecds.support.Http;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/** The whole service on the {@code postgres} profile against a real PostgreSQL server that the test starts. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "postgres"})
@Import(FixedClockConfiguration.class)
class PostgresProfileIT {
    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        String database = "profile" + System.nanoTime();
        new org.springframework.jdbc.core.JdbcTemplate(PostgresAudit.server().getPostgresDatabase())
                .execute("CREATE DATABASE " + database);
        registry.add("spring.datasource.url", () -> PostgresAudit.jdbcUrl(database));
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "postgres");
    }

    @Test
    void decisions_and_feedback_are_recorded_on_postgresql_and_the_trail_verifies() {
        Http http = new Http(port);
        Http.Response decision = http.postJson("/cds-services/ketamine-order-sign",
                Http.read(Path.of(AuditTrailIT.SAMPLE)));
        assertThat(decision.status()).isEqualTo(200);
        String card = decision.json().get("cards").get(0).get("uuid").asString();
        String feedback = "{\"feedback\":[{\"card\":\"" + card + "\",\"outcome\":\"accepted\",\"outcomeTimestamp\":"
                + "\"2026-03-02T09:05:00+01:00\",\"acceptedSuggestions\":[{\"id\":\"s1\"}]}]}";
        assertThat(http.postJson("/cds-services/ketamine-order-sign/feedback", feedback).json().get("stored").asInt())
                .isEqualTo(1);
        assertThat(http.postJson("/cds-services/ketamine-order-sign/feedback", feedback).json().get("stored").asInt())
                .isZero();
        JsonNode detail = http.get("/api/audit/decisions/" + decision.decisionId(), "Authorization",
                AuditTrailIT.AUDITOR).json();
        assertThat(detail.get("feedback")).hasSize(1);
        assertThat(detail.get("chain").get("position").asLong()).isEqualTo(1);
        JsonNode verify = http.get("/api/audit/verify", "Authorization", AuditTrailIT.AUDITOR).json();
        assertThat(verify.get("intact").asBoolean()).as(verify.toString()).isTrue();
        assertThat(verify.toString()).contains("\"chain\":\"feedback\"").contains("\"records\":1");
    }
}
