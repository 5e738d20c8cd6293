package org.ketaminecds.rules;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.stereotype.Component;

/**
 * Health: UP with the live pack's version and rule count; DEGRADED (still serving the last good pack) while the
 * rules directory holds a candidate that was refused, with its messages.
 */
@Component("rules")
class RulesHealthIndicator implements HealthIndicator {
    /** Serving, but not the rules on disk: an author's change was refused. */
    static final Status DEGRADED = new Status("DEGRADED", "serving the last good rule pack; the newer one was refused");
    private final RuleEngine engine;

    RulesHealthIndicator(RuleEngine engine) {
        this.engine = engine;
    }

    @Override
    public Health health() {
        if (!engine.ready()) {
            return Health.outOfService().withDetail("reason", "the first rule pack is still being built").build();
        }
        RulePack pack = engine.live();
        if (pack == null || pack.rules().isEmpty()) {
            return Health.down().withDetail("reason", "no rule pack loaded").build();
        }
        Health.Builder health = engine.lastFailure().map(failure -> Health.status(DEGRADED)
                .withDetail("failedVersion", failure.version()).withDetail("failedAt", failure.at().toString())
                .withDetail("failures", failure.messages().stream().map(RuleMessage::toString).toList()))
                .orElseGet(Health::up);
        return health.withDetail("version", pack.version()).withDetail("rules", pack.rules().size())
                .withDetail("loadedAt", pack.loadedAt().toString()).withDetail("sourceDir", pack.sourceDir()).build();
    }
}
