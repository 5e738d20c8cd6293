package org.ketaminecds.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;

/** An EHR's signing keys and the JWTs it would send, for tests. */
public final class TestTokens {
    public static final String ISSUER = "https://ehr.test.example/";
    public final ECKey es384;
    public final RSAKey rs384;

    public TestTokens() {
        try {
            es384 = new ECKeyGenerator(Curve.P_384).keyID("ec-1").algorithm(JWSAlgorithm.ES384)
                    .keyUse(KeyUse.SIGNATURE).generate();
            rs384 = new RSAKeyGenerator(2048).keyID("rsa-1").algorithm(JWSAlgorithm.RS384)
                    .keyUse(KeyUse.SIGNATURE).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The public JWK Set, as the EHR would publish it. */
    public String jwks() {
        return new JWKSet(List.<JWK>of(es384.toPublicJWK(), rs384.toPublicJWK())).toString();
    }

    public JWTClaimsSet.Builder claims(String audience, Instant now) {
        return new JWTClaimsSet.Builder().issuer(ISSUER).audience(audience).issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(300))).jwtID(UUID.randomUUID().toString());
    }

    public JWSHeader.Builder header(JWSAlgorithm alg, String kid) {
        return new JWSHeader.Builder(alg).type(JOSEObjectType.JWT).keyID(kid);
    }

    /** An ES384 token, correctly signed, for the audience at {@code now}. */
    public String es384(String audience, Instant now) {
        return sign(header(JWSAlgorithm.ES384, "ec-1").build(), claims(audience, now).build(), es384);
    }

    public String rs384(String audience, Instant now) {
        return sign(header(JWSAlgorithm.RS384, "rsa-1").build(), claims(audience, now).build(), rs384);
    }

    public String es384(String audience, Instant now, UnaryOperator<JWTClaimsSet.Builder> claims) {
        return sign(header(JWSAlgorithm.ES384, "ec-1").build(), claims.apply(claims(audience, now)).build(), es384);
    }

    public static String sign(JWSHeader header, JWTClaimsSet claims, JWK key) {
        try {
            JWSSigner signer = key instanceof ECKey ec ? new ECDSASigner(ec) : new RSASSASigner((RSAKey) key);
            SignedJWT jwt = new SignedJWT(header, claims);
            jwt.sign(signer);
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    public static URI uri(String value) {
        return URI.create(value);
    }
}
