package org.ketaminecds.rules;

import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wiring of the rules module. */
@Configuration(proxyBeanMethods = false)
class RulesConfiguration {

    /**
     * The one pack check, for the hot reload and the {@code rules} commands. The decider (the CDS Hooks module's) is
     * looked up only when a pack has JSON scenarios: {@code rules validate} then never starts a FHIR context.
     */
    @Bean
    PackCheck packCheck(Clock clock, ObjectProvider<HookDecider> decider) {
        return new PackCheck(clock, decider::getIfAvailable);
    }
}
