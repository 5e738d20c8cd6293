package org.ketaminecds;

import java.time.Clock;
import org.ketaminecds.cli.Cli;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

/** ketamine-cds: CDS Hooks decision support for IV ketamine and intranasal esketamine. */
@SpringBootApplication(proxyBeanMethods = false)
@ConfigurationPropertiesScan
public class KetamineCdsApplication {

    /**
     * {@code rules ...} and {@code audit ...} run a command on this application's wiring, without the web server,
     * and exit with its status; any other arguments start the service.
     */
    public static void main(String[] args) {
        if (Cli.handles(args)) {
            System.exit(Cli.runProcess(KetamineCdsApplication.class, args));
        }
        SpringApplication.run(KetamineCdsApplication.class, args);
    }

    /** The one clock: tests replace it with a fixed one; rules never read it (the evaluation time is a fact). */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
