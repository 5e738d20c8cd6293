package org.ketaminecds.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.ketaminecds.audit.DecisionLog;
import org.ketaminecds.audit.DecisionRecord;
import org.ketaminecds.rules.PackCheck;
import org.ketaminecds.rules.Replay;
import org.springframework.beans.BeansException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.dao.DataAccessException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;

/** {@code rules replay}: what a candidate pack would have answered to the recorded decisions. */
@Command(name = "replay", header = "Replay the recorded decisions with a candidate pack: which cards would change.",
        description = {"Re-evaluates the fact snapshot of every recorded decision that ran the "
        + "rules with the candidate pack in DIR and lists, per decision, the cards the candidate adds, removes or "
        + "changes in indicator, then the totals per rule. Nothing is written."},
        exitCodeListHeading = "%nExit status:%n", exitCodeList = {"0:the candidate builds and the replay ran "
                + "(differences are a result, not a failure)", "1:the candidate does not build, or the decision "
                + "log cannot be read", "2:usage error"})
final class ReplayCommand implements Callable<Integer> {
    private final PackCheck check;
    private final ObjectProvider<DecisionLog> decisions;
    private final ObjectWriter json;
    private final CommandOutput output;

    @Option(names = DatabaseOptions.URL, paramLabel = "URL", description = DatabaseOptions.URL_HELP)
    private String databaseUrl;

    @Option(names = DatabaseOptions.USER, paramLabel = "USER", description = DatabaseOptions.USER_HELP)
    private String databaseUser;

    @Option(names = "--candidate", required = true, paramLabel = "DIR", description = "the candidate rules directory")
    private Path candidate;

    @Option(names = "--since", paramLabel = "DATE", converter = Since.class, description = "only decisions recorded "
            + "at or after DATE (2026-03-01 or 2026-03-01T09:00:00Z)")
    private Instant since;

    @Option(names = "--service", paramLabel = "ID", description = "only decisions of this CDS service (for example "
            + "ketamine-order-sign)")
    private String service;

    @Option(names = "--json", description = "print one JSON document instead")
    private boolean asJson;

    /**
     * @param decisions the decision log, resolved only once the candidate builds: resolving it opens the database,
     *     and a database that cannot be opened is reported like one that cannot be read
     */
    ReplayCommand(PackCheck check, ObjectProvider<DecisionLog> decisions, JsonMapper json, CommandOutput output) {
        this.check = check;
        this.output = output;
        this.decisions = decisions;
        this.json = json.writerWithDefaultPrettyPrinter();
    }

    @Override
    public Integer call() {
        PrintWriter out = output.out();
        PackCheck.Report report = check.validate(candidate);
        if (!report.passed()) {
            report.failures().forEach(m -> out.println(PackReports.line(m)));
            out.println("FAILED: the candidate pack does not build");
            return Cli.FAILED;
        }
        List<Replay.Result> results = new ArrayList<>();
        try {
            for (DecisionRecord decision : decisions.getObject().evaluated(since, service)) {
                results.add(Replay.replay(decision.replayable(), report.pack()));
            }
        } catch (DataAccessException | BeansException e) {
            out.println("FAILED: cannot read the decision log at " + databaseUrl + " as " + databaseUser + ": "
                    + NestedExceptionUtils.getMostSpecificCause(e).getMessage());
            return Cli.FAILED;
        }
        if (asJson) {
            out.println(json.writeValueAsString(document(report, results)));
        } else {
            print(out, report, results);
        }
        return Cli.OK;
    }

    private static Map<String, Object> document(PackCheck.Report report, List<Replay.Result> results) {
        List<Replay.Result> differing = results.stream().filter(Replay.Result::differs).toList();
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("command", "replay");
        document.put("candidate", report.dir().toString());
        document.put("candidateVersion", report.pack().version());
        document.put("replayed", results.size());
        document.put("differing", differing.size());
        document.put("decisions", differing);
        document.put("totals", Replay.totals(results));
        return document;
    }

    private static void print(PrintWriter out, PackCheck.Report report, List<Replay.Result> results) {
        List<Replay.Result> differing = results.stream().filter(Replay.Result::differs).toList();
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

    /** {@code --since}: a date (midnight UTC) or an instant. */
    static final class Since implements CommandLine.ITypeConverter<Instant> {
        @Override
        public Instant convert(String text) {
            try {
                return text.contains("T") ? Instant.parse(text)
                        : LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
            } catch (DateTimeParseException e) {
                throw new CommandLine.TypeConversionException("a date (2026-03-01) or an instant "
                        + "(2026-03-01T09:00:00Z) is expected, not '" + text + "'");
            }
        }
    }
}
