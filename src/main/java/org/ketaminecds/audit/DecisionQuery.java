package org.ketaminecds.audit;

import org.ketaminecds.common.ApiException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.ketaminecds.common.ErrorCode;

/**
 * An auditor's search: every filter optional, newest first, one page at a time.
 *
 * @param patient {@code context.patientId}
 * @param service the CDS service id
 * @param rule a rule id that fired
 * @param indicator a card indicator ({@code info}, {@code warning}, {@code critical})
 * @param outcome a feedback outcome on one of the decision's cards ({@code accepted}, {@code overridden})
 * @param from recorded at or after (inclusive)
 * @param to recorded before (exclusive)
 * @param page zero-based page
 * @param size page size, 1 to 1000
 */
record DecisionQuery(String patient, String service, String rule, String indicator, String outcome, Instant from,
        Instant to, int page, int size) {

    static DecisionQuery of(String patient, String service, String rule, String indicator, String outcome,
            String from, String to, int page, int size) {
        if (page < 0 || size < 1 || size > 1000) {
            throw new ApiException(ErrorCode.INVALID_FIELD, "page must be >= 0 and size between 1 and 1000.",
                    "size");
        }
        return new DecisionQuery(blank(patient), blank(service), blank(rule), blank(indicator), blank(outcome),
                instant(from, "from"), instant(to, "to"), page, size);
    }

    /** The WHERE clause, with its parameters added to {@code parameters}. */
    String where(List<Object> parameters) {
        List<String> clauses = new ArrayList<>();
        clauses.add("d.chain_seq IS NOT NULL");
        add(clauses, parameters, "d.patient_id = ?", patient);
        add(clauses, parameters, "d.service_id = ?", service);
        add(clauses, parameters, "EXISTS (SELECT 1 FROM decision_rule r WHERE r.decision_id = d.id AND r.rule_id = ?)",
                rule);
        add(clauses, parameters, "EXISTS (SELECT 1 FROM decision_card c WHERE c.decision_id = d.id "
                + "AND c.indicator = ?)", indicator);
        add(clauses, parameters, "EXISTS (SELECT 1 FROM card_feedback f WHERE f.decision_id = d.id "
                + "AND f.outcome = ?)", outcome);
        add(clauses, parameters, "d.recorded_at >= ?", from == null ? null : ChainedTable.timestamp(from));
        add(clauses, parameters, "d.recorded_at < ?", to == null ? null : ChainedTable.timestamp(to));
        return " WHERE " + String.join(" AND ", clauses);
    }

    private static void add(List<String> clauses, List<Object> parameters, String clause, Object value) {
        if (value != null) {
            clauses.add(clause);
            parameters.add(value);
        }
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    static Instant instant(String value, String name) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return value.length() == 10 ? Instant.parse(value + "T00:00:00Z") : OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw new ApiException(ErrorCode.INVALID_FIELD, name + " must be a date (2026-03-02) or an "
                    + "RFC 3339 date-time.", name);
        }
    }
}
