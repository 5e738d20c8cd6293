package org.ketaminecds.audit;

import org.ketaminecds.common.CanonicalJson;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;

/** Decisions as CSV (RFC 4180), one row per decision with its cards and fired rules summarised. */
final class Csv {
    private Csv() {
    }

    /** The records as CSV, written one row at a time. */
    static void write(Iterable<DecisionRecord> records, Writer out) throws IOException {
        out.write("id,recordedAt,serviceId,hook,patientId,userId,httpStatus,errorCode,"
                + "rulePackVersion,firedRules,cardIndicators,cardSummaries,latencyMs\r\n");
        for (DecisionRecord r : records) {
            StringBuilder csv = new StringBuilder();
            List<String> rules = new ArrayList<>();
            CanonicalJson.parse(r.firedRulesJson() == null ? "[]" : r.firedRulesJson())
                    .forEach(f -> rules.add(f.path("ruleId").asString("")));
            JsonNode cards = CanonicalJson.parse(r.cardsJson() == null ? "[]" : r.cardsJson());
            List<String> indicators = new ArrayList<>();
            List<String> summaries = new ArrayList<>();
            cards.forEach(c -> {
                indicators.add(c.path("indicator").asString(""));
                summaries.add(c.path("summary").asString(""));
            });
            csv.append(List.of(r.id(), r.recordedAt().toString(), r.serviceId(), n(r.hook()), n(r.patientId()),
                    n(r.userId()), String.valueOf(r.httpStatus()), n(r.errorCode()), n(r.rulePackVersion()),
                    String.join(" ", rules), String.join(" ", indicators), String.join(" | ", summaries),
                    String.valueOf(r.latencyMs())).stream().map(Csv::field).collect(Collectors.joining(",")))
                    .append("\r\n");
            out.write(csv.toString());
        }
    }

    private static String n(String value) {
        return value == null ? "" : value;
    }

    /** Quotes a field when needed; a leading formula character is defused for spreadsheet users. */
    private static String field(String value) {
        String safe = !value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        return safe.matches(".*[\",\r\n].*") || !safe.equals(value)
                ? "\"" + safe.replace("\"", "\"\"") + "\"" : safe;
    }
}
