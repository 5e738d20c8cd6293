package org.ketaminecds.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.ketaminecds.rules.Coverage;
import org.ketaminecds.rules.PackCheck;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;

/** {@code rules coverage [DIR]}: rules no scenario fires, scenarios that fire rules they do not expect. */
@Command(name = "coverage", header = "List the rules no scenario fires and the scenarios that fire rules they do not "
        + "expect.", description = "Runs every scenario and lists the rules that no scenario fires and the "
        + "scenarios that fire rule ids they do not mention in expect (cards, includes or fires).",
        exitCodeListHeading = "%nExit status:%n", exitCodeList = {"0:the pack builds and its scenarios run (with "
                + "--strict: and every rule is covered, no scenario fires an unexpected rule)", "1:they do not",
                "2:usage error"})
final class CoverageCommand implements Callable<Integer> {
    private final PackCheck check;
    private final ObjectWriter json;
    private final CommandOutput output;

    @Parameters(arity = "0..1", paramLabel = "DIR", description = "the rules directory (default: the service's "
            + "ketamine.rules.dir, now ${DEFAULT-VALUE})")
    private Path dir;

    @Option(names = "--json", description = "print one JSON document instead")
    private boolean asJson;

    @Option(names = "--strict", description = "fail on an uncovered rule or an unexpected firing too")
    private boolean strict;

    CoverageCommand(PackCheck check, JsonMapper json, CommandOutput output) {
        this.check = check;
        this.output = output;
        this.json = json.writerWithDefaultPrettyPrinter();
    }

    @Override
    public Integer call() {
        PackCheck.Report report = check.test(dir);
        Coverage coverage = report.pack() == null || !report.errors().isEmpty() ? null : check.coverage(report);
        boolean complete = coverage != null && coverage.uncovered().isEmpty() && coverage.unexpected().isEmpty();
        boolean ok = coverage != null && report.passed() && (complete || !strict);
        PrintWriter out = output.out();
        if (asJson) {
            Map<String, Object> document = PackReports.summary("coverage", report);
            document.put("passed", ok);
            if (coverage != null) {
                document.put("uncovered", coverage.uncovered());
                document.put("unexpected", coverage.unexpected());
                document.put("covered", coverage.fired().size());
            }
            out.println(json.writeValueAsString(document));
            return ok ? Cli.OK : Cli.FAILED;
        }
        report.failures().forEach(m -> out.println(PackReports.line(m)));
        if (coverage != null) {
            coverage.uncovered().forEach(r -> out.println(r.file() + ":0: " + r.id() + ": no scenario fires rule \""
                    + r.name() + "\""));
            coverage.unexpected().forEach(u -> out.println(u.file() + ":0: " + u.name() + ": fires " + u.ruleIds()
                    + " without expecting them (add them to expect.cards, includes or fires)"));
            int total = report.pack().rules().size();
            out.println((total - coverage.uncovered().size()) + " of " + total + " rules fired by a scenario; "
                    + coverage.unexpected().size() + " scenarios fire unexpected rules");
        }
        out.println(ok ? "OK" : "FAILED");
        return ok ? Cli.OK : Cli.FAILED;
    }
}
