package org.ketaminecds.security;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How EHR JWTs are checked (the trusted issuers themselves are in {@link SecurityProperties}).
 *
 * @param algorithms the accepted JWS algorithms; only asymmetric ones are ever honoured (never {@code none} or HMAC)
 * @param clockSkew the leeway on {@code exp}, {@code iat} and {@code nbf}
 * @param maxTokenLifetime a token whose {@code exp} lies further ahead is refused; this also bounds how long a
 *     {@code jti} is remembered for replay detection (best practice: tokens live no more than an hour)
 * @param jwksRefreshInterval the minimum time between two fetches of one JWK Set (an unknown {@code kid} triggers a
 *     refresh at most this often), and how long a fetched set is used before it is fetched again
 * @param jwksTimeout the connect and read timeout of a JWK Set fetch
 * @param allowHttpJwks lets a {@code jwks-uri} or allowlisted {@code jku} be plain {@code http} (tests only)
 */
@ConfigurationProperties("ketamine.security.jwt")
public record JwtProperties(List<String> algorithms, Duration clockSkew, Duration maxTokenLifetime,
        Duration jwksRefreshInterval, Duration jwksTimeout, boolean allowHttpJwks) {

    public JwtProperties {
        algorithms = algorithms == null || algorithms.isEmpty()
                ? List.of("ES384", "RS384", "ES256", "RS256", "PS256", "PS384") : List.copyOf(algorithms);
        clockSkew = clockSkew == null ? Duration.ofSeconds(60) : clockSkew;
        maxTokenLifetime = maxTokenLifetime == null ? Duration.ofHours(1) : maxTokenLifetime;
        jwksRefreshInterval = jwksRefreshInterval == null ? Duration.ofMinutes(1) : jwksRefreshInterval;
        jwksTimeout = jwksTimeout == null ? Duration.ofSeconds(3) : jwksTimeout;
    }

    /** The defaults. */
    public static JwtProperties defaults() {
        return new JwtProperties(null, null, null, null, null, false);
    }
}
