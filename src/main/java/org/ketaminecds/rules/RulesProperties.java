package org.ketaminecds.rules;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the rule pack lives, whether this process serves it, and how often the service looks for changes.
 *
 * @param dir the rules directory, default {@code ./rules} (relative to the working directory)
 * @param reloadInterval how often the directory's content hash is checked for a change, default 2 s; zero or
 *     negative turns hot reload off
 * @param serve true (default): build the pack in {@code dir} at startup, warm it up, archive it and reload it on
 *     change; the command line sets false (profile {@code cli}): it builds only the packs a command names
 */
@ConfigurationProperties("ketamine.rules")
public record RulesProperties(Path dir, Duration reloadInterval, Boolean serve) {
    public RulesProperties {
        dir = dir == null ? Path.of("rules") : dir;
        reloadInterval = reloadInterval == null ? Duration.ofSeconds(2) : reloadInterval;
        serve = serve == null || serve;
    }

    boolean reloading() {
        return !reloadInterval.isZero() && !reloadInterval.isNegative();
    }
}
