package org.ketaminecds.cdshooks;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * CORS for browser-based CDS clients: only the configured origins, never a wildcard, never credentials (the EHR
 * authenticates with a bearer JWT in a header, not with cookies). With no origin configured there is no CORS.
 *
 * @param allowedOrigins exact origins such as {@code https://ehr.example.org}
 */
@ConfigurationProperties("ketamine.cors")
record CorsSettings(List<String> allowedOrigins) {

    CorsSettings {
        allowedOrigins = allowedOrigins == null ? List.of() : List.copyOf(allowedOrigins);
        for (String origin : allowedOrigins) {
            if (origin.contains("*") || "null".equalsIgnoreCase(origin.strip())) {
                throw new IllegalArgumentException("ketamine.cors.allowed-origins must list exact origins, not '"
                        + origin + "'");
            }
        }
    }
}
