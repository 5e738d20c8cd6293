package org.ketaminecds.audit;

import java.io.PrintStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * {@code java -jar ketamine-cds.jar audit verify [--url=JDBC_URL] [--user=USER]}: walks every audit hash chain and
 * prints the first broken record. The password comes from {@code KETAMINE_DB_PASSWORD} (never from the command
 * line, where {@code ps} would show it). Exit code 0 when every chain verifies, 1 when one is broken, 2 on bad usage
 * or when the database cannot be read.
 */
public final class AuditCli {
    static final String DEFAULT_URL = "jdbc:h2:file:./data/ketamine-cds;DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0";

    private AuditCli() {
    }

    /** Entry point for the application's command dispatcher; {@code args} start after {@code audit}. */
    public static int auditCommand(String[] args) {
        // The one place the service writes to the console: a command-line tool's output.
        return auditCommand(args, System.getenv(), System.out, System.err);
    }

    static int auditCommand(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
        if (args.length == 0 || !"verify".equals(args[0])) {
            err.println("usage: audit verify [--url=JDBC_URL] [--user=USER]   (password from KETAMINE_DB_PASSWORD)");
            return 2;
        }
        Map<String, String> options = new HashMap<>();
        for (String arg : List.of(args).subList(1, args.length)) {
            int eq = arg.indexOf('=');
            if (!arg.startsWith("--") || eq < 0) {
                err.println("unknown argument: " + arg);
                return 2;
            }
            options.put(arg.substring(2, eq), arg.substring(eq + 1));
        }
        String url = options.getOrDefault("url", env.getOrDefault("KETAMINE_DB_URL", DEFAULT_URL));
        String user = options.getOrDefault("user", env.getOrDefault("KETAMINE_DB_USER", url.startsWith("jdbc:h2:")
                ? "sa" : "ketamine_cds"));
        String password = env.getOrDefault("KETAMINE_DB_PASSWORD", "");
        List<ChainReport> reports;
        try {
            reports = new ChainVerifier(new JdbcTemplate(new DriverManagerDataSource(url, user, password))).verifyAll();
        } catch (RuntimeException e) {
            err.println("cannot read the audit trail at " + url + ": " + e.getClass().getSimpleName());
            return 2;
        }
        boolean intact = true;
        for (ChainReport report : reports) {
            intact &= report.intact();
            out.println(report.chain() + ": " + (report.intact() ? "OK " : "BROKEN ") + report.detail()
                    + (report.intact() ? "" : " [first broken: position " + report.firstBrokenPosition()
                            + (report.firstBrokenId() == null ? "" : ", id " + report.firstBrokenId()) + "]"));
        }
        out.println(intact ? "audit trail verifies" : "audit trail is BROKEN");
        return intact ? 0 : 1;
    }
}
