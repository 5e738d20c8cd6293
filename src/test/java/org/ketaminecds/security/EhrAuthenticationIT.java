package org.ketaminecds.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.ketaminecds.support.AuditorAccount;
import org.ketaminecds.support.FixedClockConfiguration;
import org.ketaminecds.support.Http;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The EHR JWT check on a running application: a trusted issuer's token opens discovery and the services (the
 * {@code aud} is the public URL called), anything else gets 401 with no detail, and the refusal's audit record
 * names the claimed {@code iss} and {@code jti}, never the token.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.datasource.url=jdbc:h2:mem:ehr-auth;DB_CLOSE_DELAY=-1", AuditorAccount.USERNAME_PROPERTY, AuditorAccount.PASSWORD_PROPERTY,
            "ketamine.security.ehr-auth=required", "ketamine.security.public-base-url=https://cds.test.example/"})
@Import(FixedClockConfiguration.class)
class EhrAuthenticationIT {
    static final TestTokens TOKENS = new TestTokens();
    static final String BASE = "https://cds.test.example";
    static final Instant NOW = FixedClockConfiguration.SAMPLES_NOW;
    static final HttpClient CLIENT = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void issuer(DynamicPropertyRegistry registry) {
        registry.add("ketamine.security.trusted-issuers[0].issuer", () -> TestTokens.ISSUER);
        registry.add("ketamine.security.trusted-issuers[0].jwks", TOKENS::jwks);
    }

    @Test
    void discovery_with_a_trusted_token_for_its_url_is_answered() throws Exception {
        HttpResponse<String> response = get("/cds-services", TOKENS.es384(BASE + "/cds-services", NOW));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("ketamine-order-sign");
    }

    @Test
    void a_service_call_with_a_trusted_rs384_token_is_answered() throws Exception {
        String path = "/cds-services/ketamine-order-sign";
        String body = Http.read(Path.of("fhir-samples/order-sign-ketamine-clean-patient.request.json"));
        HttpResponse<String> response = post(path, TOKENS.rs384(BASE + path, NOW), body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        String decision = response.headers().firstValue("X-Decision-Id").orElseThrow();
        String record = auditRecord(decision);
        assertThat(record).contains(TestTokens.ISSUER);
    }

    @Test
    void no_token_gets_401_with_no_detail() throws Exception {
        HttpResponse<String> response = get("/cds-services", null);
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).contains("Bearer");
        assertThat(response.body()).doesNotContainIgnoringCase("expired").doesNotContainIgnoringCase("signature")
                .doesNotContain("aud");
    }

    @Test
    void a_refused_token_is_recorded_with_its_claimed_iss_and_jti_but_never_the_token() throws Exception {
        String token = TOKENS.es384(BASE + "/cds-services/other", NOW, c -> c.jwtID("jti-refused-1"));
        HttpResponse<String> response = get("/cds-services", token);
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).doesNotContain("jti-refused-1").doesNotContain(token);
        String decision = response.headers().firstValue("X-Decision-Id").orElseThrow();
        String record = auditRecord(decision);
        assertThat(record).contains(TestTokens.ISSUER).contains("jti-refused-1").doesNotContain(token)
                .doesNotContain(token.split("\\.")[2]);
    }

    @Test
    void a_token_for_the_local_url_instead_of_the_public_one_is_refused() throws Exception {
        String local = "http://127.0.0.1:" + port + "/cds-services";
        assertThat(get("/cds-services", TOKENS.es384(local, NOW)).statusCode()).isEqualTo(401);
    }

    @Test
    void a_replayed_token_is_refused() throws Exception {
        String token = TOKENS.es384(BASE + "/cds-services", NOW);
        assertThat(get("/cds-services", token).statusCode()).isEqualTo(200);
        assertThat(get("/cds-services", token).statusCode()).isEqualTo(401);
    }

    private HttpResponse<String> get(String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private String auditRecord(String decision) throws Exception {
        return CLIENT.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/audit/decisions/"
                + decision)).header("Authorization", AuditorAccount.DEMO).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    private HttpResponse<String> post(String path, String token, String body) throws Exception {
        return CLIENT.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
