package org.ketaminecds.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import org.ketaminecds.rules.PackCheck;
import org.ketaminecds.rules.RuleMessage;

/** How the {@code rules} commands print a pack check: one line per problem, a verdict, or a JSON summary. */
final class PackReports {

    private PackReports() {
    }

    /** {@code file:line: rule: message}, marked when it is only a warning. */
    static String line(RuleMessage m) {
        return m.error() ? m.toString() : m + " (warning)";
    }

    static String verdict(PackCheck.Report report) {
        if (!report.passed()) {
            return "FAILED: " + report.failures().size() + " problems in " + report.dir() + " (" + report.millis()
                    + " ms)";
        }
        return "OK: " + report.pack().rules().size() + " rules, " + report.pack().valueSets().all().size()
                + " value sets, version " + report.pack().version().substring(0, 12) + " (" + report.millis()
                + " ms)";
    }

    /** The members every {@code --json} document of a pack check starts with. */
    static Map<String, Object> summary(String command, PackCheck.Report report) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("command", command);
        json.put("dir", report.dir().toString());
        json.put("passed", report.passed());
        if (report.pack() != null) {
            json.put("version", report.pack().version());
            json.put("rules", report.pack().rules().size());
        }
        json.put("millis", report.millis());
        json.put("errors", report.failures().stream().map(PackReports::message).toList());
        json.put("warnings", report.messages().stream().filter(m -> !m.error()).map(PackReports::message).toList());
        return json;
    }

    private static Map<String, Object> message(RuleMessage m) {
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
