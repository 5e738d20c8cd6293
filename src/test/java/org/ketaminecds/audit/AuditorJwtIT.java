package org.ketaminecds.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.ketaminecds.support.Http;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Production access: bearer JWTs of the organisation's OpenID Connect provider (here a key of the test's own),
 * the auditor role from the configured claim. A JWT signed by anyone else, such as an EHR, never opens the trail.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.datasource.url=jdbc:h2:mem:auditor-jwt;DB_CLOSE_DELAY=-1",
                "ketamine.audit.role-claim=realm_access.roles", "ketamine.audit.auditor-role=cds-auditor"})
class AuditorJwtIT {
    static final KeyPair PROVIDER = rsa();
    static final KeyPair EHR = rsa();

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    @DynamicPropertySource
    static void provider(DynamicPropertyRegistry registry) throws IOException {
        Path pem = Files.createTempFile("auditor-provider", ".pem");
        Files.writeString(pem, "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder().encodeToString(
                PROVIDER.getPublic().getEncoded()) + "\n-----END PUBLIC KEY-----\n");
        registry.add("spring.security.oauth2.resourceserver.jwt.public-key-location", () -> "file:" + pem);
    }

    static KeyPair rsa() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String jwt(KeyPair key, String subject, List<String> roles) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), new JWTClaimsSet.Builder()
                    .issuer("https://idp.example.org").subject(subject).jwtID(subject + System.nanoTime())
                    .issueTime(new Date()).expirationTime(Date.from(Instant.now().plusSeconds(300)))
                    .claim("realm_access", java.util.Map.of("roles", roles)).build());
            jwt.sign(new RSASSASigner(key.getPrivate()));
            return "Bearer " + jwt.serialize();
        } catch (com.nimbusds.jose.JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void an_auditor_token_from_the_organisations_provider_reads_the_trail_and_the_read_is_recorded() {
        Http.Response response = new Http(port).get("/api/audit/verify", "Authorization",
                jwt(PROVIDER, "alice", List.of("cds-auditor")));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_access WHERE principal = 'alice' "
                + "AND path = '/api/audit/verify'", Long.class)).isEqualTo(1);
    }

    @Test
    void a_provider_token_without_the_auditor_role_is_forbidden() {
        assertThat(new Http(port).get("/api/audit/verify", "Authorization", jwt(PROVIDER, "bob", List.of("nurse")))
                .status()).isEqualTo(403);
        assertThat(new Http(port).get("/audit/index.html", "Authorization", jwt(PROVIDER, "bob", List.of()))
                .status()).isEqualTo(403);
    }

    @Test
    void an_ehr_jwt_never_grants_audit_access_even_with_the_role_claim() {
        String ehrToken = jwt(EHR, "epic-client", List.of("cds-auditor"));
        assertThat(new Http(port).get("/api/audit/decisions", "Authorization", ehrToken).status()).isEqualTo(401);
        assertThat(new Http(port).get("/audit/index.html", "Authorization", ehrToken).status()).isEqualTo(401);
    }

    @Test
    void without_credentials_the_api_and_pages_answer_401_and_the_rest_stays_open() {
        Http http = new Http(port);
        assertThat(http.get("/api/audit/decisions").status()).isEqualTo(401);
        assertThat(http.get("/audit/").status()).isEqualTo(401);
        assertThat(http.get("/actuator/health").status()).isEqualTo(200);
        assertThat(http.postJson("/cds-services/ketamine-order-sign/feedback", "{}").status())
                .as("the EHR filter, not the auditor chain, answers CDS Hooks calls").isEqualTo(401);
    }
}
