package org.ketaminecds.rules;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/** Health: UP with the live pack's version and rule count. */
@Component("rules")
class RulesHealthIndicator implements HealthIndicator {
    private final RuleEngine engine;

    RulesHealthIndicator(RuleEngine engine) {
        this.engine = engine;
    }

    @Override
    public Health health() {
        RulePack pack = engine.live();
        if (pack == null || pack.rules().isEmpty()) {
            return Health.down().withDetail("reason", "no rule pack loaded").build();
        }
        return Health.up().withDetail("version", pack.version()).withDetail("rules", pack.rules().size())
                .withDetail("loadedAt", pack.loadedAt().toString()).withDetail("sourceDir", pack.sourceDir()).build();
    }
}
