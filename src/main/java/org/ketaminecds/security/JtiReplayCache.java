package org.ketaminecds.security;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@code jti}s of accepted tokens, each kept until its token (plus leeway) has expired, so that a replayed token
 * is refused for its whole lifetime. Only verified tokens are recorded, so a forger cannot fill it.
 */
final class JtiReplayCache {
    private final Map<String, Instant> seen = new ConcurrentHashMap<>();
    private final Clock clock;

    JtiReplayCache(Clock clock) {
        this.clock = clock;
    }

    /** Records the {@code jti}; false when it was already seen and has not yet expired. */
    boolean firstUse(String issuer, String jti, Instant keepUntil) {
        Instant now = clock.instant();
        seen.values().removeIf(until -> until.isBefore(now));
        Instant previous = seen.putIfAbsent(issuer + '\n' + jti, keepUntil);
        return previous == null || previous.isBefore(now) && seen.replace(issuer + '\n' + jti, previous, keepUntil);
    }
}
