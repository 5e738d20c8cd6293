package org.ketaminecds.audit;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Per rule and period: how often it fired, how many cards it raised, how often those cards were overridden and why,
 * and how often a suggestion was accepted. Feedback counts in the period of the decision it answers.
 */
@Component
class RuleStatistics {
    private final JdbcTemplate jdbc;

    RuleStatistics(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * @param period {@code day}, {@code week} or {@code month}
     */
    List<RuleStats> compute(Instant from, Instant to, String period, String ruleId) {
        Map<String, RuleStats.Builder> stats = new TreeMap<>();
        List<Object> range = new ArrayList<>();
        String where = range(range, from, to, "recorded_at");
        jdbc.query("SELECT rule_id, recorded_at FROM decision_rule" + where, rs -> {
            bucket(stats, rs.getString("rule_id"), rs.getObject("recorded_at", java.time.OffsetDateTime.class), period)
                    .fired++;
        }, range.toArray());
        jdbc.query("SELECT rule_id, recorded_at FROM decision_card" + where + (where.isEmpty() ? " WHERE" : " AND")
                + " rule_id IS NOT NULL", rs -> {
                    bucket(stats, rs.getString("rule_id"), rs.getObject("recorded_at", java.time.OffsetDateTime.class),
                            period).cards++;
                }, range.toArray());
        List<Object> feedbackRange = new ArrayList<>();
        String feedbackWhere = range(feedbackRange, from, to, "c.recorded_at");
        jdbc.query("SELECT c.rule_id, c.recorded_at, f.outcome, f.reason_code, f.reason_display, "
                + "f.accepted_suggestions_json FROM card_feedback f JOIN decision_card c ON c.card_uuid = f.card_uuid"
                + feedbackWhere + (feedbackWhere.isEmpty() ? " WHERE" : " AND") + " c.rule_id IS NOT NULL", rs -> {
                    RuleStats.Builder b = bucket(stats, rs.getString("rule_id"),
                            rs.getObject("recorded_at", java.time.OffsetDateTime.class), period);
                    b.feedback++;
                    if ("overridden".equals(rs.getString("outcome"))) {
                        b.overridden++;
                        String reason = rs.getString("reason_display") != null ? rs.getString("reason_display")
                                : rs.getString("reason_code") != null ? rs.getString("reason_code") : "(no reason)";
                        b.reasons.merge(reason, 1L, Long::sum);
                    } else {
                        b.accepted++;
                        String suggestions = rs.getString("accepted_suggestions_json");
                        if (suggestions != null && !"[]".equals(suggestions)) {
                            b.suggestionsAccepted++;
                        }
                    }
                }, feedbackRange.toArray());
        return stats.values().stream().filter(b -> ruleId == null || ruleId.isBlank() || ruleId.equals(b.ruleId))
                .map(RuleStats.Builder::build).toList();
    }

    private static String range(List<Object> parameters, Instant from, Instant to, String column) {
        List<String> clauses = new ArrayList<>();
        if (from != null) {
            clauses.add(column + " >= ?");
            parameters.add(ChainedTable.timestamp(from));
        }
        if (to != null) {
            clauses.add(column + " < ?");
            parameters.add(ChainedTable.timestamp(to));
        }
        return clauses.isEmpty() ? "" : " WHERE " + String.join(" AND ", clauses);
    }

    private static RuleStats.Builder bucket(Map<String, RuleStats.Builder> stats, String ruleId,
            java.time.OffsetDateTime at, String period) {
        String label = label(at.toInstant(), period);
        return stats.computeIfAbsent(ruleId + "|" + label, k -> new RuleStats.Builder(ruleId, label));
    }

    static String label(Instant at, String period) {
        LocalDate day = at.atZone(ZoneOffset.UTC).toLocalDate();
        return switch (period == null ? "month" : period) {
            case "day" -> day.toString();
            case "week" -> String.format("%d-W%02d", day.get(IsoFields.WEEK_BASED_YEAR),
                    day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
            default -> day.toString().substring(0, 7);
        };
    }

    /**
     * One rule in one period.
     *
     * @param overrideRate overridden / cards with feedback (null without feedback)
     * @param suggestionAcceptance feedback accepting a suggestion / cards with feedback (null without feedback)
     * @param reasons the override reasons given, with their counts
     */
    record RuleStats(String ruleId, String period, long fired, long cards, long feedback, long overridden,
            long accepted, long suggestionsAccepted, Double overrideRate, Double suggestionAcceptance,
            Map<String, Long> reasons) {

        static final class Builder {
            final String ruleId;
            final String period;
            long fired;
            long cards;
            long feedback;
            long overridden;
            long accepted;
            long suggestionsAccepted;
            final Map<String, Long> reasons = new TreeMap<>();

            Builder(String ruleId, String period) {
                this.ruleId = ruleId;
                this.period = period;
            }

            RuleStats build() {
                return new RuleStats(ruleId, period, fired, cards, feedback, overridden, accepted, suggestionsAccepted,
                        feedback == 0 ? null : (double) overridden / feedback,
                        feedback == 0 ? null : (double) suggestionsAccepted / feedback, Map.copyOf(reasons));
            }
        }
    }
}
