package org.ketaminecds.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.PlainHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.ketaminecds.support.ExternalExamples;

class JwtEhrTokenVerifierTest {
    static final String AUD = "https://cds.test.example/cds-services/ketamine-order-sign";
    static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");
    static final Path SPEC = ExternalExamples.path("cds-hooks-2.0.1-spec");
    final TestTokens tokens = new TestTokens();
    final HttpClient http = HttpClient.newHttpClient();
    final JwtProperties settings = new JwtProperties(null, Duration.ofSeconds(60), Duration.ofHours(1),
            Duration.ofMinutes(1), Duration.ofSeconds(2), true);

    JwtEhrTokenVerifier verifier(Clock clock, SecurityProperties.TrustedIssuer... issuers) {
        return new JwtEhrTokenVerifier(List.of(issuers), settings, clock, http);
    }

    JwtEhrTokenVerifier verifier() {
        return verifier(Clock.fixed(NOW, ZoneOffset.UTC), inline(tokens.jwks(), List.of()));
    }

    static SecurityProperties.TrustedIssuer inline(String jwks, List<String> jku) {
        return new SecurityProperties.TrustedIssuer(TestTokens.ISSUER, null, jwks, jku, null);
    }

    @Test
    void a_correctly_signed_es384_token_is_accepted_and_names_its_issuer_and_jti() {
        String token = tokens.es384(AUD, NOW, c -> c.jwtID("jti-1").claim("tenant", "t1"));
        assertThat(verifier().verify(token, AUD)).contains(new EhrClient(TestTokens.ISSUER, "jti-1", "t1"));
    }

    @Test
    void a_correctly_signed_rs384_token_with_sub_and_nbf_is_accepted() {
        JwtEhrTokenVerifier verifier = verifier();
        String token = TestTokens.sign(tokens.header(JWSAlgorithm.RS384, "rsa-1").build(), tokens.claims(AUD, NOW)
                .subject("epic-client-id").notBeforeTime(Date.from(NOW.minusSeconds(300))).build(), tokens.rs384);
        assertThat(verifier.verify(token, AUD)).isPresent();
        assertThat(verifier.verify(tokens.rs384(AUD, NOW), AUD)).isPresent();
    }

    @Test
    void discovery_is_checked_against_its_own_url() {
        String discovery = "https://cds.test.example/cds-services";
        assertThat(verifier().verify(tokens.es384(discovery, NOW), discovery)).isPresent();
        assertThat(verifier().verify(tokens.es384(discovery, NOW), AUD)).isEmpty();
    }

    @Test
    void the_spec_example_jwt_is_refused_because_it_expired_in_2015() throws Exception {
        String token = Files.readString(SPEC.resolve("example-jwt.txt")).strip();
        var specIssuer = new SecurityProperties.TrustedIssuer("https://fhir-ehr.example.com/", null,
                Files.readString(SPEC.resolve("jwks-public.json")), List.of("https://fhir-ehr.example.com/jwk_uri"),
                null);
        String aud = "https://cds.example.org/cds-services/some-service";
        assertThat(verifier(Clock.fixed(NOW, ZoneOffset.UTC), specIssuer).verify(token, aud)).isEmpty();
        // Before it expired the very same token verifies: expiry is the only reason it is refused.
        Instant beforeExpiry = Instant.ofEpochSecond(1422568860L - 600);
        assertThat(verifier(Clock.fixed(beforeExpiry, ZoneOffset.UTC), specIssuer).verify(token, aud)).isPresent();
    }

    @Test
    void alg_none_is_refused() {
        PlainHeader header = new PlainHeader.Builder().type(JOSEObjectType.JWT).customParam("kid", "ec-1").build();
        String token = new PlainJWT(header, tokens.claims(AUD, NOW).build()).serialize();
        assertThat(verifier().verify(token, AUD)).isEmpty();
        assertThat(verifier().verify(token + "c2ln", AUD)).isEmpty();
    }

    @Test
    void hs256_signed_with_the_public_key_is_refused() throws Exception {
        for (JWK key : List.<JWK>of(tokens.rs384, tokens.es384)) {
            byte[] publicKey = key instanceof ECKey ec ? ec.toECPublicKey().getEncoded()
                    : tokens.rs384.toRSAPublicKey().getEncoded();
            SignedJWT jwt = new SignedJWT(tokens.header(JWSAlgorithm.HS256, key.getKeyID()).build(),
                    tokens.claims(AUD, NOW).build());
            jwt.sign(new MACSigner(publicKey));
            assertThat(verifier().verify(jwt.serialize(), AUD)).isEmpty();
        }
    }

    @Test
    void a_tampered_signature_or_payload_is_refused() {
        String token = tokens.es384(AUD, NOW);
        String[] parts = token.split("\\.");
        char last = parts[2].charAt(10);
        String badSignature = parts[0] + "." + parts[1] + "." + parts[2].substring(0, 10) + (last == 'A' ? 'B' : 'A')
                + parts[2].substring(11);
        String otherPayload = tokens.es384(AUD, NOW, c -> c.issuer(TestTokens.ISSUER).subject("x")).split("\\.")[1];
        assertThat(verifier().verify(badSignature, AUD)).isEmpty();
        assertThat(verifier().verify(parts[0] + "." + otherPayload + "." + parts[2], AUD)).isEmpty();
    }

    @Test
    void an_unknown_issuer_is_refused() {
        assertThat(verifier().verify(tokens.es384(AUD, NOW, c -> c.issuer("https://evil.example/")), AUD)).isEmpty();
    }

    @Test
    void a_wrong_audience_is_refused() {
        assertThat(verifier().verify(tokens.es384(AUD + "-other", NOW), AUD)).isEmpty();
        assertThat(verifier().verify(tokens.es384("https://cds.test.example/cds-services", NOW), AUD)).isEmpty();
    }

    @Test
    void an_expired_token_is_refused_beyond_the_leeway() {
        String token = tokens.es384(AUD, NOW.minusSeconds(600));
        assertThat(verifier().verify(token, AUD)).isEmpty();
        String justExpired = tokens.es384(AUD, NOW, c -> c.expirationTime(Date.from(NOW.minusSeconds(30))));
        assertThat(verifier().verify(justExpired, AUD)).as("within the 60 s leeway").isPresent();
    }

    @Test
    void iat_in_the_future_missing_claims_and_too_long_lifetimes_are_refused() {
        JwtEhrTokenVerifier verifier = verifier();
        assertThat(verifier.verify(tokens.es384(AUD, NOW.plusSeconds(600)), AUD)).isEmpty();
        assertThat(verifier.verify(tokens.es384(AUD, NOW, c -> c.jwtID(null)), AUD)).isEmpty();
        assertThat(verifier.verify(tokens.es384(AUD, NOW, c -> c.issueTime(null)), AUD)).isEmpty();
        assertThat(verifier.verify(tokens.es384(AUD, NOW, c -> c.expirationTime(null)), AUD)).isEmpty();
        assertThat(verifier.verify(tokens.es384(AUD, NOW,
                c -> c.expirationTime(Date.from(NOW.plus(Duration.ofDays(30))))), AUD)).isEmpty();
        assertThat(verifier.verify(tokens.es384(AUD, NOW,
                c -> c.notBeforeTime(Date.from(NOW.plusSeconds(600)))), AUD)).isEmpty();
    }

    @Test
    void a_token_without_typ_jwt_or_without_kid_is_refused() {
        var claims = tokens.claims(AUD, NOW).build();
        String noTyp = TestTokens.sign(new JWSHeader.Builder(JWSAlgorithm.ES384).keyID("ec-1").build(), claims,
                tokens.es384);
        String noKid = TestTokens.sign(new JWSHeader.Builder(JWSAlgorithm.ES384).type(JOSEObjectType.JWT).build(),
                claims, tokens.es384);
        assertThat(verifier().verify(noTyp, AUD)).isEmpty();
        assertThat(verifier().verify(noKid, AUD)).isEmpty();
    }

    @Test
    void a_replayed_jti_is_refused_for_the_token_lifetime() {
        JwtEhrTokenVerifier verifier = verifier();
        String token = tokens.es384(AUD, NOW);
        assertThat(verifier.verify(token, AUD)).isPresent();
        assertThat(verifier.verify(token, AUD)).isEmpty();
        String sameJti = tokens.es384(AUD, NOW, c -> c.jwtID(token.isEmpty() ? "" : jti(token)));
        assertThat(verifier.verify(sameJti, AUD)).isEmpty();
    }

    @Test
    void the_key_is_pinned_to_its_alg() throws Exception {
        String rs256WithRs384Key = TestTokens.sign(tokens.header(JWSAlgorithm.RS256, "rsa-1").build(),
                tokens.claims(AUD, NOW).build(), tokens.rs384);
        assertThat(verifier().verify(rs256WithRs384Key, AUD)).isEmpty();
        // A key published without "alg" is still only usable with its own curve.
        ECKey p256 = new ECKeyGenerator(Curve.P_256).keyID("ec-256").generate();
        var issuer = inline(new JWKSet(p256.toPublicJWK()).toString(), List.of());
        String es384OnP256 = TestTokens.sign(tokens.header(JWSAlgorithm.ES384, "ec-256").build(),
                tokens.claims(AUD, NOW).build(), tokens.es384);
        assertThat(verifier(Clock.fixed(NOW, ZoneOffset.UTC), issuer).verify(es384OnP256, AUD)).isEmpty();
        String es256 = TestTokens.sign(tokens.header(JWSAlgorithm.ES256, "ec-256").build(),
                tokens.claims(AUD, NOW).build(), p256);
        assertThat(verifier(Clock.fixed(NOW, ZoneOffset.UTC), issuer).verify(es256, AUD)).isPresent();
    }

    @Test
    void an_unknown_kid_is_refused_and_refreshes_the_jwks_at_a_bounded_rate() throws Exception {
        try (JwksServer jwks = new JwksServer()) {
            jwks.body.set(tokens.jwks());
            MutableClock clock = new MutableClock(NOW);
            var issuer = new SecurityProperties.TrustedIssuer(TestTokens.ISSUER, jwks.url("/jwks"), null, null, null);
            JwtEhrTokenVerifier verifier = verifier(clock, issuer);
            assertThat(verifier.verify(tokens.es384(AUD, NOW), AUD)).isPresent();
            assertThat(jwks.requests).hasValue(1);
            for (int i = 0; i < 20; i++) {
                String unknownKid = TestTokens.sign(tokens.header(JWSAlgorithm.ES384, "kid-" + i).build(),
                        tokens.claims(AUD, NOW).build(), tokens.es384);
                assertThat(verifier.verify(unknownKid, AUD)).isEmpty();
            }
            assertThat(jwks.requests).as("no refresh within the interval").hasValue(1);
            // The EHR rotates its key; after the interval one unknown kid triggers one refresh that finds it.
            ECKey rotated = new ECKeyGenerator(Curve.P_384).keyID("ec-2").algorithm(JWSAlgorithm.ES384).generate();
            jwks.body.set(new JWKSet(List.<JWK>of(rotated.toPublicJWK())).toString());
            clock.advance(Duration.ofSeconds(61));
            String rotatedToken = TestTokens.sign(tokens.header(JWSAlgorithm.ES384, "ec-2").build(),
                    tokens.claims(AUD, clock.instant()).build(), rotated);
            assertThat(verifier.verify(rotatedToken, AUD)).isPresent();
            assertThat(jwks.requests).hasValue(2);
        }
    }

    @Test
    void a_jku_outside_the_allowlist_is_refused_and_never_fetched() throws Exception {
        try (JwksServer attacker = new JwksServer()) {
            attacker.body.set(tokens.jwks());
            String token = TestTokens.sign(tokens.header(JWSAlgorithm.ES384, "ec-1")
                    .jwkURL(TestTokens.uri(attacker.url("/jwks"))).build(), tokens.claims(AUD, NOW).build(),
                    tokens.es384);
            assertThat(verifier().verify(token, AUD)).isEmpty();
            assertThat(attacker.requests).hasValue(0);
        }
    }

    @Test
    void an_allowlisted_jku_is_fetched_for_a_kid_not_on_record() throws Exception {
        try (JwksServer ehr = new JwksServer()) {
            ehr.body.set(tokens.jwks());
            var issuer = new SecurityProperties.TrustedIssuer(TestTokens.ISSUER, null, null,
                    List.of(ehr.url("/jwks")), null);
            String token = TestTokens.sign(tokens.header(JWSAlgorithm.RS384, "rsa-1")
                    .jwkURL(TestTokens.uri(ehr.url("/jwks"))).build(), tokens.claims(AUD, NOW).build(), tokens.rs384);
            assertThat(verifier(Clock.fixed(NOW, ZoneOffset.UTC), issuer).verify(token, AUD)).isPresent();
            assertThat(ehr.requests).hasValue(1);
        }
    }

    @Test
    void a_tenant_other_than_the_configured_one_is_refused() {
        var issuer = new SecurityProperties.TrustedIssuer(TestTokens.ISSUER, null, tokens.jwks(), null, "t1");
        JwtEhrTokenVerifier verifier = verifier(Clock.fixed(NOW, ZoneOffset.UTC), issuer);
        assertThat(verifier.verify(tokens.es384(AUD, NOW, c -> c.claim("tenant", "t2")), AUD)).isEmpty();
        assertThat(verifier.verify(tokens.es384(AUD, NOW), AUD)).isEmpty();
        assertThat(verifier.verify(tokens.es384(AUD, NOW, c -> c.claim("tenant", "t1")), AUD)).isPresent();
    }

    @Test
    void hmac_and_none_are_never_honoured_even_when_configured() {
        var lax = new JwtProperties(List.of("HS256", "none", "ES384"), null, null, null, null, false);
        var verifier = new JwtEhrTokenVerifier(List.of(inline(tokens.jwks(), List.of())), lax,
                Clock.fixed(NOW, ZoneOffset.UTC), http);
        assertThat(verifier.verify(tokens.es384(AUD, NOW), AUD)).isPresent();
        assertThat(verifier.verify(tokens.rs384(AUD, NOW), AUD)).as("RS384 not in this allowlist").isEmpty();
        assertThat(verifier.verify("not.a.jwt", AUD)).isEmpty();
        assertThat(verifier.verify(UUID.randomUUID().toString(), AUD)).isEmpty();
    }

    @Test
    void a_plain_http_jwks_uri_or_jku_is_refused_at_startup_unless_allowed_for_tests() {
        var defaults = JwtProperties.defaults();
        var httpUri = new SecurityProperties.TrustedIssuer(TestTokens.ISSUER, "http://ehr.example/jwks", null, null,
                null);
        var httpJku = new SecurityProperties.TrustedIssuer(TestTokens.ISSUER, null, tokens.jwks(),
                List.of("http://ehr.example/jwks"), null);
        for (var issuer : List.of(httpUri, httpJku)) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> new JwtEhrTokenVerifier(List.of(issuer), defaults,
                    Clock.systemUTC(), http)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("https");
        }
    }

    private static String jti(String token) {
        try {
            return SignedJWT.parse(token).getJWTClaimsSet().getJWTID();
        } catch (java.text.ParseException e) {
            throw new IllegalStateException(e);
        }
    }
}
