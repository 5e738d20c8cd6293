package org.ketaminecds.security;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;

/**
 * The {@code iss} and {@code jti} a refused token claims, unverified, so the audit record of the refusal can name
 * them (never the token itself). Sanitised by {@link AuditText}; both null when the token cannot be read.
 */
record ClaimedIdentity(String issuer, String jti) {
    private static final int MAX_TOKEN = 16 * 1024;

    static ClaimedIdentity of(String token) {
        if (token == null || token.length() > MAX_TOKEN) {
            return new ClaimedIdentity(null, null);
        }
        try {
            JWTClaimsSet claims = JWTParser.parse(token).getJWTClaimsSet();
            return new ClaimedIdentity(AuditText.of(claims.getIssuer()), AuditText.of(claims.getJWTID()));
        } catch (java.text.ParseException | RuntimeException e) {
            return new ClaimedIdentity(null, null);
        }
    }
}
