package org.ketaminecds.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.ketaminecds.rules.PackCheck;
import org.ketaminecds.audit.AuditConfiguration;
import org.ketaminecds.audit.DecisionLog;
import org.ketaminecds.audit.DecisionRecord;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.ketaminecds.rules.Replay;

/** {@code rules replay}: what a candidate pack would have answered to the recorded decisions. */
final class ReplayCommand {
    static final String DEFAULT_DB_URL = "jdbc:h2:file:./data/ketamine-cds;DB_CLOSE_ON_EXIT=FALSE";
    static final Set<String> FLAGS = Set.of("--json");
    static final Set<String> OPTIONS = Set.of("--candidate", "--since", "--service", "--db-url", "--db-user",
            "--db-password");
    static final String HELP = """
            Usage: ketamine-cds rules replay --candidate DIR [--since DATE] [--service ID]
                                             [--db-url URL] [--db-user USER] [--db-password PASSWORD] [--json]

            Re-evaluates the fact snapshot of every recorded decision that ran the rules with the candidate pack
            in DIR and lists, per decision, the cards the candidate adds, removes or changes in indicator, then
            the totals per rule. Nothing is written.
              --since DATE    only decisions recorded at or after DATE (2026-03-01 or 2026-03-01T09:00:00Z)
              --service ID    only decisions of this CDS service (for example ketamine-order-sign)
              --db-url URL    the decision log's database (default: the service's default H2 file,
                              jdbc:h2:file:./data/ketamine-cds; stop the service first or use a server URL)
            Exit 0 when the candidate builds and the replay ran (differences are a result, not a failure).
            """;

    private final PrintStream out;

    ReplayCommand(PrintStream out) {
        this.out = out;
    }

    int run(CliArgs args) {
        String candidate = args.options().get("--candidate");
        if (candidate == null || !args.positional().isEmpty()) {
            throw new IllegalArgumentException("--candidate DIR is required and there are no positional arguments");
        }
        Instant since = since(args.options().get("--since"));
        PackCheck.Report report = new PackCheck(Clock.systemUTC(), () -> null).validate(Path.of(candidate));
        if (!report.passed()) {
            report.failures().forEach(m -> out.println(RulesCli.line(m)));
            out.println("FAILED: the candidate pack does not build");
            return RulesCli.FAILED;
        }
        List<Replay.Result> results = new ArrayList<>();
        try {
            DecisionLog log = AuditConfiguration.decisionLog(new DriverManagerDataSource(
                    args.option("--db-url", DEFAULT_DB_URL), args.option("--db-user", "sa"),
                    args.option("--db-password", "")));
            for (DecisionRecord decision : log.evaluated(since, args.options().get("--service"))) {
                results.add(Replay.replay(decision.replayable(), report.pack()));
            }
        } catch (org.springframework.dao.DataAccessException e) {
            out.println("FAILED: cannot read the decision log: " + e.getMessage());
            return RulesCli.FAILED;
        }
        print(args.has("--json"), report, results);
        return RulesCli.OK;
    }

    private void print(boolean json, PackCheck.Report report, List<Replay.Result> results) {
        List<Replay.Result> differing = results.stream().filter(Replay.Result::differs).toList();
        if (json) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("command", "replay");
            doc.put("candidate", report.dir().toString());
            doc.put("candidateVersion", report.pack().version());
            doc.put("replayed", results.size());
            doc.put("differing", differing.size());
            doc.put("decisions", differing);
            doc.put("totals", Replay.totals(results));
            out.println(RulesCli.JSON.writeValueAsString(doc));
            return;
        }
        for (Replay.Result r : differing) {
            out.println(r.decisionId() + " " + r.recordedAt() + " " + r.serviceId() + " (pack "
                    + r.recordedPack().substring(0, Math.min(12, r.recordedPack().length())) + "): " + changes(r));
        }
        Replay.totals(results).forEach(t -> out.println("rule " + t.ruleId() + ": added " + t.added() + ", removed "
                + t.removed() + ", changed " + t.changed()));
        out.println(results.size() + " decisions replayed with candidate " + report.pack().version().substring(0, 12)
                + "; " + differing.size() + " would change");
    }

    private static String changes(Replay.Result r) {
        List<String> parts = new ArrayList<>();
        r.added().forEach(c -> parts.add("+" + c.ruleId() + " " + c.after()));
        r.removed().forEach(c -> parts.add("-" + c.ruleId() + " " + c.before()));
        r.changed().forEach(c -> parts.add("~" + c.ruleId() + " " + c.before() + "->" + c.after()));
        return parts.stream().collect(Collectors.joining(", "));
    }

    static Instant since(String text) {
        if (text == null) {
            return null;
        }
        try {
            return text.contains("T") ? Instant.parse(text) : LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC)
                    .toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("--since must be a date (2026-03-01) or an instant "
                    + "(2026-03-01T09:00:00Z): " + text);
        }
    }
}
