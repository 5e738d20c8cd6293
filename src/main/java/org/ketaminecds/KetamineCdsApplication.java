package org.ketaminecds;

import java.time.Clock;
import org.ketaminecds.cli.Cli;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
            quietLogging();
            System.exit(Cli.run(KetamineCdsApplication.class, args, System.out, System.err, System.getenv()));
        }
        SpringApplication.run(KetamineCdsApplication.class, args);
    }

    /**
     * A command's output is its result (and may be JSON): library logging would mix into it, and every problem it
     * logs is also reported by the command.
     */
    private static void quietLogging() {
        if (LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME) instanceof ch.qos.logback.classic.Logger root) {
            root.setLevel(ch.qos.logback.classic.Level.OFF);
        }
    }

    /** The one clock: tests replace it with a fixed one; rules never read it (the evaluation time is a fact). */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
