package org.ketaminecds.cli;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.management.JMException;
import javax.management.ObjectName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a JVM that only runs one command is told before the command starts. Not for a JVM that runs a command among
 * other work (the tests): these settings are process-wide.
 */
final class ShortLivedProcess {
    /** HotSpot's compiler directives: no method is compiled by the optimizing tier, C2. */
    private static final String QUICK_TIER_ONLY = "[{ match: \"*.*\", c2: { Exclude: true } }]";

    private ShortLivedProcess() {
    }

    static void prepare() {
        quietLogging();
        quickTierOnly();
        // Spring Boot warms up, on a thread of its own, what a long-running application will need (HTTP message
        // converters, conversion service ...): for a command that is CPU taken from its work (about 1 s of the full
        // pack's validate). Boot's documented switch, read from the system properties.
        System.setProperty("spring.backgroundpreinitializer.ignore", "true");
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
     * Keeps the JIT at its quick tier (C1), as {@code -XX:TieredStopAtLevel=1} would, which {@code java -jar ...}
     * cannot ask for: a command runs for seconds, mostly through one-time startup code (Spring's, Drools' compiler),
     * and C2 would spend more CPU compiling it than the optimized code saves ({@code rules validate} on the full pack
     * uses about a fifth less CPU without it; docs/performance.md). Done through the compiler directives of {@code
     * jcmd Compiler.directives_add}; on a JVM without them nothing changes.
     */
    private static void quickTierOnly() {
        Path directives = null;
        try {
            directives = Files.createTempFile("ketamine-cds-jit", ".json");
            Files.writeString(directives, QUICK_TIER_ONLY);
            ManagementFactory.getPlatformMBeanServer().invoke(
                    new ObjectName("com.sun.management:type=DiagnosticCommand"), "compilerDirectivesAdd",
                    new Object[] {new String[] {directives.toString()}}, new String[] {String[].class.getName()});
        } catch (IOException | JMException | RuntimeException e) {
            // Only slower: the command runs the same.
        } finally {
            deleteQuietly(directives);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            if (file != null) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            // a temporary file left behind
        }
    }
}
