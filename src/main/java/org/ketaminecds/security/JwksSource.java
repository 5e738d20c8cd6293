package org.ketaminecds.security;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One issuer's JWK Set: inline (fixed) or fetched from a URL, cached, and refreshed at a bounded rate: when the set
 * is older than the refresh interval, or when a {@code kid} is unknown and the last fetch is older than that interval.
 * An attacker sending made-up {@code kid}s therefore causes at most one fetch per interval.
 */
final class JwksSource {
    private static final Logger log = LoggerFactory.getLogger(JwksSource.class);
    private static final int MAX_JWKS_BYTES = 256 * 1024;
    private final URI uri;
    private final HttpClient http;
    private final Clock clock;
    private final Duration refreshInterval;
    private final Duration timeout;
    private JWKSet keys;
    private Instant lastFetch;

    private JwksSource(URI uri, JWKSet keys, HttpClient http, Clock clock, Duration refreshInterval, Duration timeout) {
        this.uri = uri;
        this.keys = keys;
        this.http = http;
        this.clock = clock;
        this.refreshInterval = refreshInterval;
        this.timeout = timeout;
    }

    /** A fixed, inline JWK Set (JSON). */
    static JwksSource inline(String json) {
        try {
            return new JwksSource(null, JWKSet.parse(json), null, Clock.systemUTC(), Duration.ZERO, Duration.ZERO);
        } catch (ParseException e) {
            throw new IllegalArgumentException("An inline trusted-issuer jwks is not a JWK Set", e);
        }
    }

    /** A JWK Set published at {@code uri}, fetched lazily. */
    static JwksSource remote(URI uri, HttpClient http, Clock clock, JwtProperties settings) {
        return new JwksSource(uri, null, http, clock, settings.jwksRefreshInterval(), settings.jwksTimeout());
    }

    /** The key with this {@code kid}, refreshing the set when allowed. */
    synchronized Optional<JWK> key(String kid) {
        if (uri != null && (keys == null || olderThanInterval())) {
            fetch();
        }
        Optional<JWK> key = find(kid);
        if (key.isEmpty() && uri != null && keys != null && olderThanInterval()) {
            fetch();
            key = find(kid);
        }
        return key;
    }

    private boolean olderThanInterval() {
        return lastFetch == null || !clock.instant().isBefore(lastFetch.plus(refreshInterval));
    }

    private Optional<JWK> find(String kid) {
        return keys == null || kid == null ? Optional.empty() : Optional.ofNullable(keys.getKeyByKeyId(kid));
    }

    private void fetch() {
        if (lastFetch != null && clock.instant().isBefore(lastFetch.plus(refreshInterval))) {
            return;
        }
        lastFetch = clock.instant();
        try {
            HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(uri).timeout(timeout)
                    .header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                byte[] bytes = body.readNBytes(MAX_JWKS_BYTES + 1);
                if (response.statusCode() != 200 || bytes.length > MAX_JWKS_BYTES) {
                    log.warn("JWK Set {} answered {} ({} bytes); keeping the cached keys", uri, response.statusCode(),
                            bytes.length);
                    return;
                }
                keys = JWKSet.parse(new String(bytes, StandardCharsets.UTF_8));
            }
        } catch (IOException | ParseException e) {
            log.warn("JWK Set {} could not be fetched or parsed ({}); keeping the cached keys", uri,
                    e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
