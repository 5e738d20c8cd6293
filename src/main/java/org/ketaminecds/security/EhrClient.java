package org.ketaminecds.security;

/**
 * The verified caller of a CDS Hooks endpoint, from its JWT. Never holds the token itself.
 *
 * @param issuer {@code iss}
 * @param jti {@code jti}
 * @param tenant {@code tenant}, may be null
 */
public record EhrClient(String issuer, String jti, String tenant) {
    /** The servlet request attribute the authentication filter sets. */
    public static final String ATTRIBUTE = EhrClient.class.getName();

    /** The caller when EHR authentication is disabled (demo profile). */
    public static final EhrClient UNAUTHENTICATED = new EhrClient(null, null, null);
}
