package org.ketaminecds.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.ketaminecds.audit.ChainReport;
import org.ketaminecds.audit.ChainVerifier;
import org.springframework.beans.BeansException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.dao.DataAccessException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code audit verify}: walks every audit hash chain and names the first broken record. */
@Command(name = "verify", header = "Verify the audit hash chains.",
        description = {"Walks every audit hash chain (decisions, feedback, audit reads) and "
        + "prints, per chain, OK and its length or BROKEN and the first broken record.",
        "Reads only: it never migrates or writes the database."},
        exitCodeListHeading = "%nExit status:%n", exitCodeList = {"0:every chain verifies", "1:a chain is broken",
                "2:usage error, or the audit trail cannot be read"})
final class VerifyCommand implements Callable<Integer> {
    /** Like a usage error: nothing was verified (a scheduler alerts on any status but 0). */
    private static final int UNREADABLE = 2;
    private final ObjectProvider<ChainVerifier> verifier;
    private final CommandOutput output;

    @Option(names = DatabaseOptions.URL, paramLabel = "URL", description = DatabaseOptions.URL_HELP)
    private String databaseUrl;

    @Option(names = DatabaseOptions.USER, paramLabel = "USER", description = DatabaseOptions.USER_HELP)
    private String databaseUser;

    /**
     * @param verifier resolved when the command runs: resolving it opens the database, and a database that cannot
     *     be opened is reported like one that cannot be read
     */
    VerifyCommand(ObjectProvider<ChainVerifier> verifier, CommandOutput output) {
        this.verifier = verifier;
        this.output = output;
    }

    @Override
    public Integer call() {
        List<ChainReport> reports;
        try {
            reports = verifier.getObject().verifyAll();
        } catch (DataAccessException | BeansException e) {
            output.err().println("cannot read the audit trail at " + databaseUrl + " as " + databaseUser + ": "
                    + NestedExceptionUtils.getMostSpecificCause(e).getMessage());
            return UNREADABLE;
        }
        PrintWriter out = output.out();
        boolean intact = true;
        for (ChainReport report : reports) {
            intact &= report.intact();
            out.println(report.chain() + ": " + (report.intact() ? "OK " : "BROKEN ") + report.detail()
                    + (report.intact() ? "" : " [first broken: position " + report.firstBrokenPosition()
                            + (report.firstBrokenId() == null ? "" : ", id " + report.firstBrokenId()) + "]"));
        }
        out.println(intact ? "audit trail verifies" : "audit trail is BROKEN");
        return intact ? Cli.OK : Cli.FAILED;
    }
}
