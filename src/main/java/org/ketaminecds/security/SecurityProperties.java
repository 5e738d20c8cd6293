package org.ketaminecds.security;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * EHR authentication settings.
 *
 * @param ehrAuth {@code required} (default) or {@code disabled} (demo profile only)
 * @param trustedIssuers the EHRs allowed to call, each with its JWKS
 * @param publicBaseUrl the externally visible base URL of this service (for the {@code aud} check behind a proxy)
 */
@ConfigurationProperties("ketamine.security")
public record SecurityProperties(String ehrAuth, List<TrustedIssuer> trustedIssuers, String publicBaseUrl) {

    public SecurityProperties {
        ehrAuth = ehrAuth == null ? "required" : ehrAuth;
        trustedIssuers = trustedIssuers == null ? List.of() : List.copyOf(trustedIssuers);
    }

    public boolean disabled() {
        return "disabled".equalsIgnoreCase(ehrAuth);
    }

    /**
     * A trusted EHR.
     *
     * @param issuer the {@code iss} it signs with
     * @param jwksUri where its JWK Set is published
     * @param jwks an inline JWK Set (JSON), instead of {@code jwksUri}
     * @param allowedJku {@code jku} URLs that may be fetched for this issuer
     * @param tenant the expected {@code tenant}, when set
     */
    public record TrustedIssuer(String issuer, String jwksUri, String jwks, List<String> allowedJku, String tenant) {
    }
}
