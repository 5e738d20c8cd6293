package org.ketaminecds.support;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** The clock of the fhir-samples: 2026-03-02T09:00:00Z, the instant their readings and doses are relative to. */
@TestConfiguration(proxyBeanMethods = false)
public class FixedClockConfiguration {
    public static final Instant SAMPLES_NOW = Instant.parse("2026-03-02T09:00:00Z");

    @Bean
    @Primary
    Clock fixedClock() {
        return Clock.fixed(SAMPLES_NOW, ZoneOffset.UTC);
    }
}
