package org.ketaminecds.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.ketaminecds.rules.PackCheck;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;

/** {@code rules validate [DIR]}: compile and lint a rules directory. */
@Command(name = "validate", header = "Compile and lint a rules directory.",
        description = {"Compiles every DRL file under DIR and lints the pack: every rule has @id "
        + "and @evidence, ids are registered in catalogue.yaml, evidence tags exist in evidence.yaml, no console "
        + "output, clock access or globals, value sets parse and use only listed code systems.",
        "Prints each problem as file:line: rule: message."},
        exitCodeListHeading = "%nExit status:%n", exitCodeList = {"0:the pack builds without error",
                "1:it does not", "2:usage error"})
final class ValidateCommand implements Callable<Integer> {
    private final PackCheck check;
    private final ObjectWriter json;
    private final CommandOutput output;

    @Parameters(arity = "0..1", paramLabel = "DIR", description = "the rules directory (default: the service's "
            + "ketamine.rules.dir, now ${DEFAULT-VALUE})")
    private Path dir;

    @Option(names = "--json", description = "print one JSON document instead")
    private boolean asJson;

    ValidateCommand(PackCheck check, JsonMapper json, CommandOutput output) {
        this.check = check;
        this.output = output;
        this.json = json.writerWithDefaultPrettyPrinter();
    }

    @Override
    public Integer call() {
        PackCheck.Report report = check.validate(dir);
        PrintWriter out = output.out();
        if (asJson) {
            out.println(json.writeValueAsString(PackReports.summary("validate", report)));
        } else {
            report.messages().forEach(m -> out.println(PackReports.line(m)));
            out.println(PackReports.verdict(report));
        }
        return report.passed() ? Cli.OK : Cli.FAILED;
    }
}
