package org.ketaminecds.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import ca.uhn.fhir.context.FhirContext;
import org.ketaminecds.cdshooks.OfflineDecisions;
import org.ketaminecds.fhir.FhirJson;
import org.ketaminecds.rules.Coverage;
import org.ketaminecds.rules.HookDecider;
import org.ketaminecds.rules.RequestScenarios;
import org.ketaminecds.rules.PackCheck;
import org.ketaminecds.rules.RuleMessage;
import org.ketaminecds.rules.ScenarioResult;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code java -jar ketamine-cds.jar rules validate|test|coverage|replay ...}: the rule author's tools, without
 * the web server. Exit status 0 on success, 1 when the check fails, 2 on a usage error. Problems are printed as
 * {@code file:line: rule: message}; {@code --json} prints one JSON document instead.
 */
public final class RulesCli {
    static final int OK = 0;
    static final int FAILED = 1;
    static final int USAGE = 2;
    static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
    static final String DEFAULT_DIR = "rules";

    private static final String USAGE_TEXT = """
            Usage: ketamine-cds rules <command> [options]

            Commands:
              validate [DIR]   compile and lint the rule pack (default DIR: ./rules)
              test [DIR]       validate, then run every scenario: pass/fail, fired versus expected rules
              coverage [DIR]   rules that no scenario fires; scenarios that fire rules they do not expect
              replay --candidate DIR [--since DATE] [--service ID]
                               re-evaluate recorded decisions with a candidate pack; list changed cards

            Every command takes --json (machine-readable output) and --help.
            Exit status: 0 success, 1 check failed, 2 usage error.
            """;
    private static final Map<String, String> HELP = Map.of(
            "validate", """
                    Usage: ketamine-cds rules validate [DIR] [--json]

                    Compiles every DRL file under DIR (default ./rules) and lints the pack: every rule has @id and
                    @evidence, ids are registered in catalogue.yaml, evidence tags exist in evidence.yaml, no
                    console output, clock access or globals, value sets parse and use only listed code systems.
                    Prints each problem as file:line: rule: message. Exit 0 when the pack builds without error.
                    """,
            "test", """
                    Usage: ketamine-cds rules test [DIR] [--json]

                    Validates the pack, then runs every scenario: <topic>/scenarios/*.yaml (facts) and *.json
                    (whole CDS Hooks requests with a fixed evaluationDate). Prints PASS or FAIL per scenario with
                    the rules that fired and the cards produced, and each problem as file:line: scenario: message.
                    Exit 0 only when the pack builds and every scenario passes.
                    """,
            "coverage", """
                    Usage: ketamine-cds rules coverage [DIR] [--json] [--strict]

                    Runs every scenario and lists the rules that no scenario fires and the scenarios that fire
                    rule ids they do not mention in expect (cards, includes or fires).
                    Exit 0 when the pack builds and its scenarios run; with --strict, also only when every rule
                    is covered and no scenario fires an unexpected rule.
                    """,
            "replay", ReplayCommand.HELP);

    private RulesCli() {
    }

    /** Runs {@code rules <command> ...} ({@code args} without the leading {@code rules}); returns the exit status. */
    public static int run(String[] args, PrintStream out) {
        if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h") || args[0].equals("help")) {
            out.print(USAGE_TEXT);
            return args.length == 0 ? USAGE : OK;
        }
        String command = args[0];
        List<String> rest = Arrays.asList(args).subList(1, args.length);
        if (!HELP.containsKey(command)) {
            out.println("unknown command: rules " + command);
            out.print(USAGE_TEXT);
            return USAGE;
        }
        if (rest.contains("--help") || rest.contains("-h")) {
            out.print(HELP.get(command));
            return OK;
        }
        try {
            return switch (command) {
                case "validate" -> validate(CliArgs.parse(rest, Set.of("--json"), Set.of()), out);
                case "test" -> test(CliArgs.parse(rest, Set.of("--json"), Set.of()), out);
                case "coverage" -> coverage(CliArgs.parse(rest, Set.of("--json", "--strict"), Set.of()), out);
                default -> new ReplayCommand(out).run(CliArgs.parse(rest, ReplayCommand.FLAGS, ReplayCommand.OPTIONS));
            };
        } catch (IllegalArgumentException e) {
            out.println("rules " + command + ": " + e.getMessage());
            out.print(HELP.get(command));
            return USAGE;
        }
    }

    private static Path dir(CliArgs args) {
        if (args.positional().size() > 1) {
            throw new IllegalArgumentException("expected at most one DIR, got " + args.positional());
        }
        return Path.of(args.positional().isEmpty() ? DEFAULT_DIR : args.positional().get(0));
    }

    private static int validate(CliArgs args, PrintStream out) {
        PackCheck.Report report = new PackCheck(Clock.systemUTC(), () -> null).validate(dir(args));
        if (args.has("--json")) {
            out.println(JSON.writeValueAsString(summary("validate", report)));
        } else {
            report.messages().forEach(m -> out.println(line(m)));
            out.println(verdict(report));
        }
        return report.passed() ? OK : FAILED;
    }

    private static int test(CliArgs args, PrintStream out) {
        Path dir = dir(args);
        PackCheck.Report report = new PackCheck(Clock.systemUTC(), () -> decider(dir)).test(dir);
        if (args.has("--json")) {
            Map<String, Object> json = summary("test", report);
            json.put("scenarios", report.scenarios());
            out.println(JSON.writeValueAsString(json));
        } else {
            report.messages().forEach(m -> out.println(line(m)));
            for (ScenarioResult result : report.scenarios()) {
                out.println((result.passed() ? "PASS " : "FAIL ") + result.file() + ": " + result.name());
                out.println("     fired " + result.fired() + ", cards " + result.cards());
                result.problems().forEach(p -> out.println(result.file() + ":0: " + result.name() + ": " + p));
            }
            long passed = report.scenarios().stream().filter(ScenarioResult::passed).count();
            out.println(passed + " of " + report.scenarios().size() + " scenarios passed");
            out.println(verdict(report));
        }
        return report.passed() ? OK : FAILED;
    }

    private static int coverage(CliArgs args, PrintStream out) {
        Path dir = dir(args);
        HookDecider decider = decider(dir);
        PackCheck.Report report = new PackCheck(Clock.systemUTC(), () -> decider).test(dir);
        Coverage coverage = report.pack() == null || !report.errors().isEmpty() ? null
                : Coverage.of(report.pack(), dir, decider);
        boolean complete = coverage != null && coverage.uncovered().isEmpty() && coverage.unexpected().isEmpty();
        boolean ok = coverage != null && report.passed() && (complete || !args.has("--strict"));
        if (args.has("--json")) {
            Map<String, Object> json = summary("coverage", report);
            json.put("passed", ok);
            if (coverage != null) {
                json.put("uncovered", coverage.uncovered());
                json.put("unexpected", coverage.unexpected());
                json.put("covered", coverage.fired().size());
            }
            out.println(JSON.writeValueAsString(json));
            return ok ? OK : FAILED;
        }
        report.failures().forEach(m -> out.println(line(m)));
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
        return ok ? OK : FAILED;
    }

    /** The service's own request handling, for JSON scenarios; built only when there are some (FHIR is slow to start). */
    static HookDecider decider(Path dir) {
        return RequestScenarios.files(dir).isEmpty() ? null
                : new OfflineDecisions(new FhirJson(FhirContext.forR4()));
    }

    static String line(RuleMessage m) {
        return m.error() ? m.toString() : m + " (warning)";
    }

    private static String verdict(PackCheck.Report report) {
        if (!report.passed()) {
            return "FAILED: " + report.failures().size() + " problems in " + report.dir() + " (" + report.millis()
                    + " ms)";
        }
        return "OK: " + report.pack().rules().size() + " rules, " + report.pack().valueSets().all().size()
                + " value sets, version " + report.pack().version().substring(0, 12) + " (" + report.millis()
                + " ms)";
    }

    private static Map<String, Object> summary(String command, PackCheck.Report report) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("command", command);
        json.put("dir", report.dir().toString());
        json.put("passed", report.passed());
        if (report.pack() != null) {
            json.put("version", report.pack().version());
            json.put("rules", report.pack().rules().size());
        }
        json.put("millis", report.millis());
        json.put("errors", report.failures().stream().map(RulesCli::message).toList());
        json.put("warnings", report.messages().stream().filter(m -> !m.error()).map(RulesCli::message).toList());
        return json;
    }

    static Map<String, Object> message(RuleMessage m) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("file", m.file());
        json.put("line", m.line());
        json.put("rule", m.rule());
        json.put("level", m.level());
        json.put("text", m.text());
        json.put("message", m.toString());
        return json;
    }
}
