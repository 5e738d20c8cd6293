package org.ketaminecds;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.time.Clock;
import java.util.Arrays;
import org.ketaminecds.cli.RulesCli;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

/** ketamine-cds: CDS Hooks decision support for IV ketamine and intranasal esketamine. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class KetamineCdsApplication {

    /**
     * {@code rules ...} and {@code audit ...} run a command and exit without starting the web server; any other
     * arguments start the service.
     */
    public static void main(String[] args) {
        if (args.length > 0 && (args[0].equals("rules") || args[0].equals("audit"))) {
            quietLogging();
        }
        if (args.length > 0 && args[0].equals("rules")) {
            System.exit(RulesCli.run(Arrays.copyOfRange(args, 1, args.length), System.out));
        }
        if (args.length > 0 && args[0].equals("audit")) {
            System.exit(audit(Arrays.copyOfRange(args, 1, args.length)));
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

    /**
     * Hands {@code audit ...} to {@code org.ketaminecds.audit.AuditCli.auditCommand(String[])} (the audit module's
     * CLI). Looked up by name so this entry point does not depend on it at compile time; an int result is the exit
     * status.
     */
    static int audit(String[] args) {
        try {
            Method command = Class.forName("org.ketaminecds.audit.AuditCli").getMethod("auditCommand", String[].class);
            Object status = command.invoke(null, (Object) args);
            return status instanceof Integer code ? code : 0;
        } catch (ClassNotFoundException | NoSuchMethodException e) {
            System.err.println("audit: this build has no audit command");
            return 2;
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("audit command failed", e.getCause());
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The one clock: tests replace it with a fixed one; rules never read it (the evaluation time is a fact). */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
