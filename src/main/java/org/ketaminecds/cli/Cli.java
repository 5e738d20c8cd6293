package org.ketaminecds.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ketaminecds.rules.RulePackLoader;
import picocli.CommandLine;

/**
 * {@code java -jar ketamine-cds.jar rules ...} and {@code ... audit ...}: the service's commands, run on the service's
 * own wiring. picocli parses the command line and writes the help; every command object is created by a non-web
 * application context of the same {@code @SpringBootApplication} (profile {@code cli}, {@link ContextFactory}), so it
 * receives the beans the server uses, by constructor injection. Exit status: {@value #OK} success, {@value #FAILED}
 * the check failed, {@value #USAGE} the command line was wrong.
 */
public final class Cli {
    static final int OK = 0;
    static final int FAILED = 1;
    static final int USAGE = 2;

    /** The first arguments that name a command rather than start the service. */
    private static final Set<String> COMMANDS = Set.of("rules", "audit");

    private Cli() {
    }

    /** True when {@code args} name a command ({@code rules ...}, {@code audit ...}) instead of starting the service. */
    public static boolean handles(String[] args) {
        return args.length > 0 && COMMANDS.contains(args[0]);
    }

    /**
     * Runs the command {@code args} names as this process's only work, on the console, and returns its exit status:
     * library logging off, and the JVM tuned for a short run ({@link ShortLivedProcess}).
     */
    public static int runProcess(Class<?> application, String[] args) {
        ShortLivedProcess.prepare();
        // The one place the service writes to the console: a command's result.
        return run(application, args, System.out, System.err, System.getenv());
    }

    /**
     * Runs the command {@code args} names and returns its exit status; never exits the JVM, changes nothing
     * process-wide.
     *
     * @param application the {@code @SpringBootApplication} class whose wiring the commands use
     * @param args the whole command line, starting with {@code rules} or {@code audit}
     * @param out the command's result (reports, JSON, help)
     * @param err usage errors and failures to run
     * @param env the process environment: the database password is read from {@code KETAMINE_DB_PASSWORD}
     */
    public static int run(Class<?> application, String[] args, PrintStream out, PrintStream err,
            Map<String, String> env) {
        if (buildsAPack(args)) {
            // Drools loads its compiler (seconds) while the application context starts.
            Thread warmUp = new Thread(RulePackLoader::prepareCompiler, "rule-compiler-warm-up");
            warmUp.setDaemon(true);
            warmUp.start();
        }
        CommandOutput output = new CommandOutput(writer(out), writer(err));
        try (ContextFactory factory = new ContextFactory(application, DatabaseOptions.settings(args, env), output)) {
            return new CommandLine(KetamineCdsCommand.class, factory).setDefaultValueProvider(factory)
                    .setUsageHelpWidth(120).setOut(output.out()).setErr(output.err()).execute(args);
        }
    }

    /** Every {@code rules} command builds a rule pack, unless it is only asked for its help. */
    private static boolean buildsAPack(String[] args) {
        List<String> words = List.of(args);
        return words.size() > 1 && words.get(0).equals("rules") && !words.contains("--help") && !words.contains("-h");
    }

    /** A writer that prints through {@code stream}, in the stream's own encoding (the console's, for System.out). */
    private static PrintWriter writer(PrintStream stream) {
        return new PrintWriter(new Writer() {
            @Override
            public void write(char[] chars, int offset, int length) {
                stream.print(new String(chars, offset, length));
            }

            @Override
            public void flush() {
                stream.flush();
            }

            @Override
            public void close() {
                stream.flush();
            }
        }, true);
    }
}
