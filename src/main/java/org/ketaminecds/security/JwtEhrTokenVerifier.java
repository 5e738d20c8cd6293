package org.ketaminecds.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.net.http.HttpClient;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Verifies an EHR's JWT per CDS Hooks 2.0 "Trusting CDS Clients" and its best-practice list: {@code alg} from an
 * allowlist of asymmetric algorithms and pinned to the key, {@code typ} JWT, {@code kid} found in the trusted issuer's
 * JWK Set, a {@code jku} used only when allowlisted for that issuer (otherwise never fetched), {@code iss} trusted,
 * {@code aud} the exact URL called, {@code exp}/{@code iat}/{@code nbf} with a small leeway, {@code tenant} as
 * configured, and {@code jti} never replayed within the token's lifetime. The reason for a refusal is logged for
 * operators (with {@code iss} and {@code jti}, never the token) and never told to the caller.
 */
public final class JwtEhrTokenVerifier implements EhrTokenVerifier {
    private static final Logger log = LoggerFactory.getLogger(JwtEhrTokenVerifier.class);
    /** Never accepted whatever the configuration says: none and the symmetric (HMAC) family. */
    private static final Set<String> ASYMMETRIC = Set.of("ES256", "ES384", "ES512", "RS256", "RS384", "RS512",
            "PS256", "PS384", "PS512");

    private final Map<String, Issuer> issuers = new HashMap<>();
    private final Set<JWSAlgorithm> algorithms;
    private final JwtProperties settings;
    private final Clock clock;
    private final JtiReplayCache replays;

    private record Issuer(SecurityProperties.TrustedIssuer config, JwksSource keys, Map<String, JwksSource> jkus) {
    }

    public JwtEhrTokenVerifier(List<SecurityProperties.TrustedIssuer> trusted, JwtProperties settings, Clock clock,
            HttpClient http) {
        this.settings = settings;
        this.clock = clock;
        this.replays = new JtiReplayCache(clock);
        this.algorithms = settings.algorithms().stream().filter(ASYMMETRIC::contains).map(JWSAlgorithm::parse)
                .collect(Collectors.toUnmodifiableSet());
        for (SecurityProperties.TrustedIssuer issuer : trusted) {
            if (issuer.issuer() == null || issuer.issuer().isBlank()) {
                throw new IllegalArgumentException("A trusted issuer needs its 'issuer'");
            }
            JwksSource keys = issuer.jwks() != null && !issuer.jwks().isBlank() ? JwksSource.inline(issuer.jwks())
                    : issuer.jwksUri() != null ? JwksSource.remote(checkedUri(issuer.jwksUri()), http, clock, settings)
                    : null;
            Map<String, JwksSource> jkus = new LinkedHashMap<>();
            for (String jku : issuer.allowedJku() == null ? List.<String>of() : issuer.allowedJku()) {
                jkus.put(jku, JwksSource.remote(checkedUri(jku), http, clock, settings));
            }
            if (keys == null && jkus.isEmpty()) {
                throw new IllegalArgumentException("Trusted issuer " + issuer.issuer()
                        + " needs a jwks, a jwks-uri or an allowed-jku");
            }
            issuers.put(issuer.issuer(), new Issuer(issuer, keys, jkus));
        }
    }

    private URI checkedUri(String value) {
        URI uri = URI.create(value);
        if (!"https".equals(uri.getScheme()) && !(settings.allowHttpJwks() && "http".equals(uri.getScheme()))) {
            throw new IllegalArgumentException("A JWK Set URL must be https: " + value);
        }
        return uri;
    }

    @Override
    public Optional<EhrClient> verify(String token, String audience) {
        SignedJWT jwt;
        JWTClaimsSet claims;
        try {
            jwt = SignedJWT.parse(token);
            claims = jwt.getJWTClaimsSet();
        } catch (ParseException | RuntimeException e) {
            return refuse("not a signed JWT", null, null);
        }
        String iss = claims.getIssuer();
        String jti = claims.getJWTID();
        Optional<String> problem = problem(jwt, claims, audience);
        if (problem.isPresent()) {
            return refuse(problem.get(), iss, jti);
        }
        Instant keepUntil = claims.getExpirationTime().toInstant().plus(settings.clockSkew());
        if (!replays.firstUse(iss, jti, keepUntil)) {
            return refuse("jti replayed", iss, jti);
        }
        return Optional.of(new EhrClient(iss, jti, tenant(claims)));
    }

    /** Why the token must be refused, or empty when it is good (replay aside). */
    private Optional<String> problem(SignedJWT jwt, JWTClaimsSet claims, String audience) {
        JWSHeader header = jwt.getHeader();
        if (!algorithms.contains(header.getAlgorithm())) {
            return Optional.of("alg not allowed");
        }
        if (!JOSEObjectType.JWT.equals(header.getType())) {
            return Optional.of("typ is not JWT");
        }
        if (header.getKeyID() == null) {
            return Optional.of("no kid");
        }
        Issuer issuer = claims.getIssuer() == null ? null : issuers.get(claims.getIssuer());
        if (issuer == null) {
            return Optional.of("iss not trusted");
        }
        Optional<JWK> key = key(issuer, header);
        if (key.isEmpty()) {
            return Optional.of("kid unknown, or jku not allowlisted");
        }
        if (!signatureValid(jwt, key.get())) {
            return Optional.of("signature invalid or key not for this alg");
        }
        return claimsProblem(claims, issuer.config(), audience);
    }

    /**
     * The signing key: from the issuer's configured JWK Set, else from the {@code jku} when it is allowlisted for the
     * issuer. A {@code jku} outside the allowlist refuses the token and is never fetched.
     */
    private static Optional<JWK> key(Issuer issuer, JWSHeader header) {
        JwksSource jku = null;
        if (header.getJWKURL() != null) {
            jku = issuer.jkus().get(header.getJWKURL().toString());
            if (jku == null) {
                return Optional.empty();
            }
        }
        Optional<JWK> key = issuer.keys() == null ? Optional.empty() : issuer.keys().key(header.getKeyID());
        return key.isEmpty() && jku != null ? jku.key(header.getKeyID()) : key;
    }

    private Optional<String> claimsProblem(JWTClaimsSet claims, SecurityProperties.TrustedIssuer issuer,
            String audience) {
        Instant now = clock.instant();
        if (claims.getAudience() == null || !claims.getAudience().contains(audience)) {
            return Optional.of("aud is not the URL called");
        }
        if (claims.getExpirationTime() == null || claims.getIssueTime() == null || claims.getJWTID() == null
                || claims.getJWTID().isBlank()) {
            return Optional.of("exp, iat or jti missing");
        }
        Instant exp = claims.getExpirationTime().toInstant();
        if (now.isAfter(exp.plus(settings.clockSkew()))) {
            return Optional.of("expired");
        }
        if (claims.getIssueTime().toInstant().isAfter(now.plus(settings.clockSkew()))) {
            return Optional.of("iat in the future");
        }
        if (claims.getNotBeforeTime() != null
                && claims.getNotBeforeTime().toInstant().isAfter(now.plus(settings.clockSkew()))) {
            return Optional.of("not yet valid (nbf)");
        }
        if (exp.isAfter(now.plus(settings.maxTokenLifetime()))) {
            return Optional.of("exp too far ahead");
        }
        if (issuer.tenant() != null && !issuer.tenant().equals(tenant(claims))) {
            return Optional.of("tenant not trusted");
        }
        return Optional.empty();
    }

    /** Verifies with the key only if the key may be used with the header's alg (RFC 8725 §3.1: pin alg to key). */
    private static boolean signatureValid(SignedJWT jwt, JWK key) {
        JWSAlgorithm alg = jwt.getHeader().getAlgorithm();
        if (key.getAlgorithm() != null && !key.getAlgorithm().equals(alg)) {
            return false;
        }
        if (key.getKeyUse() != null && !KeyUse.SIGNATURE.equals(key.getKeyUse())) {
            return false;
        }
        try {
            JWSVerifier verifier;
            if (key instanceof ECKey ec && JWSAlgorithm.Family.EC.contains(alg)
                    && Curve.forJWSAlgorithm(alg).contains(ec.getCurve())) {
                verifier = new ECDSAVerifier(ec.toECPublicKey());
            } else if (key instanceof RSAKey rsa && JWSAlgorithm.Family.RSA.contains(alg)) {
                verifier = new RSASSAVerifier(rsa.toRSAPublicKey());
            } else {
                return false;
            }
            return jwt.verify(verifier);
        } catch (JOSEException | IllegalStateException e) {
            return false;
        }
    }

    private static String tenant(JWTClaimsSet claims) {
        Object tenant = claims.getClaim("tenant");
        return tenant instanceof String value ? value : null;
    }

    private static Optional<EhrClient> refuse(String reason, String iss, String jti) {
        log.info("EHR JWT refused: {} (iss={}, jti={})", reason, AuditText.of(iss), AuditText.of(jti));
        return Optional.empty();
    }
}
