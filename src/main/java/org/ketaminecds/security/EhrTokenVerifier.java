package org.ketaminecds.security;

import java.util.Optional;

/** Verifies the bearer JWT of a CDS Hooks call. */
public interface EhrTokenVerifier {

    /**
     * The verified client, or empty when the token must be refused (any reason: the reason is not told to the
     * caller).
     *
     * @param token the compact JWT, without "Bearer "
     * @param audience the exact URL that was called
     */
    Optional<EhrClient> verify(String token, String audience);
}
