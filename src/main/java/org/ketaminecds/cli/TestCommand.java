package org.ketaminecds.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.ketaminecds.rules.PackCheck;
import org.ketaminecds.rules.ScenarioResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;

/** {@code rules test [DIR]}: validate, then run every scenario. */
@Command(name = "test", header = "Validate a rules directory, then run every scenario.",
        description = {"Validates the pack, then runs every scenario: <topic>/scenarios/*.yaml "
        + "(facts) and *.json (whole CDS Hooks requests with a fixed evaluationDate).",
        "Prints PASS or FAIL per scenario with the rules that fired and the cards produced, and each problem as "
                + "file:line: scenario: message."},
        exitCodeListHeading = "%nExit status:%n", exitCodeList = {"0:the pack builds and every scenario passes",
                "1:it does not", "2:usage error"})
final class TestCommand implements Callable<Integer> {
    private final PackCheck check;
    private final ObjectWriter json;
    private final CommandOutput output;

    @Parameters(arity = "0..1", paramLabel = "DIR", description = "the rules directory (default: the service's "
            + "ketamine.rules.dir, now ${DEFAULT-VALUE})")
    private Path dir;

    @Option(names = "--json", description = "print one JSON document instead")
    private boolean asJson;

    TestCommand(PackCheck check, JsonMapper json, CommandOutput output) {
        this.check = check;
        this.output = output;
        this.json = json.writerWithDefaultPrettyPrinter();
    }

    @Override
    public Integer call() {
        PackCheck.Report report = check.test(dir);
        PrintWriter out = output.out();
        if (asJson) {
            Map<String, Object> document = PackReports.summary("test", report);
            document.put("scenarios", report.scenarios());
            out.println(json.writeValueAsString(document));
        } else {
            report.messages().forEach(m -> out.println(PackReports.line(m)));
            for (ScenarioResult result : report.scenarios()) {
                out.println((result.passed() ? "PASS " : "FAIL ") + result.file() + ": " + result.name());
                out.println("     fired " + result.fired() + ", cards " + result.cards());
                result.problems().forEach(p -> out.println(result.file() + ":0: " + result.name() + ": " + p));
            }
            long passed = report.scenarios().stream().filter(ScenarioResult::passed).count();
            out.println(passed + " of " + report.scenarios().size() + " scenarios passed");
            out.println(PackReports.verdict(report));
        }
        return report.passed() ? Cli.OK : Cli.FAILED;
    }
}
