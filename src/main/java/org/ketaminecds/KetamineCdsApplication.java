package org.ketaminecds;

import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

/** ketamine-cds: CDS Hooks decision support for IV ketamine and intranasal esketamine. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class KetamineCdsApplication {

    public static void main(String[] args) {
        SpringApplication.run(KetamineCdsApplication.class, args);
    }

    /** The one clock: tests replace it with a fixed one; rules never read it (the evaluation time is a fact). */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
