package org.ketaminecds.rules;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the rule pack lives.
 *
 * @param dir the rules directory, default {@code ./rules} (relative to the working directory)
 */
@ConfigurationProperties("ketamine.rules")
public record RulesProperties(Path dir) {
    public RulesProperties {
        dir = dir == null ? Path.of("rules") : dir;
    }
}
