package org.ketaminecds.audit;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import tools.jackson.databind.JsonNode;

/**
 * The decision log in a relational database (H2 by default, PostgreSQL in production). Insert and select only: each
 * record is appended to the {@code decision} hash chain, with its card and fired-rule index rows in the same
 * transaction.
 */
class JdbcDecisionLog implements DecisionLog {
    static final String COLUMNS = "id, recorded_at, service_id, hook, hook_instance, patient_id, user_id, "
            + "encounter_id, client_issuer, client_jti, input_hash, inputs_json, facts_json, rule_pack_version, "
            + "fired_rules_json, cards_json, http_status, error_code, latency_ms";
    static final RowMapper<DecisionRecord> ROW = JdbcDecisionLog::row;
    private final HashChain chain;

    JdbcDecisionLog(HashChain chain) {
        this.chain = chain;
    }

    @Override
    public void append(DecisionRecord r) {
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("id", r.id());
        content.put("recorded_at", ChainedTable.stored(r.recordedAt()));
        content.put("service_id", cut(r.serviceId(), 200));
        content.put("hook", cut(r.hook(), 100));
        content.put("hook_instance", cut(r.hookInstance(), 200));
        content.put("patient_id", cut(r.patientId(), 200));
        content.put("user_id", cut(r.userId(), 200));
        content.put("encounter_id", cut(r.encounterId(), 200));
        content.put("client_issuer", cut(r.clientIssuer(), 500));
        content.put("client_jti", cut(r.clientJti(), 200));
        content.put("input_hash", r.inputHash());
        content.put("inputs_json", r.inputsJson());
        content.put("facts_json", r.factsJson());
        content.put("rule_pack_version", r.rulePackVersion());
        content.put("fired_rules_json", r.firedRulesJson());
        content.put("cards_json", r.cardsJson());
        content.put("http_status", (long) r.httpStatus());
        content.put("error_code", r.errorCode());
        content.put("latency_ms", r.latencyMs());
        OffsetDateTime at = OffsetDateTime.ofInstant(ChainedTable.stored(r.recordedAt()), ZoneOffset.UTC);
        chain.append(ChainedTable.DECISIONS, content, jdbc -> true, jdbc -> index(jdbc, r, at));
    }

    @Override
    public Optional<DecisionRecord> find(String id) {
        return chain.jdbc().query("SELECT " + COLUMNS + " FROM decision_record WHERE id = ?", ROW, id).stream()
                .findFirst();
    }

    @Override
    public List<DecisionRecord> findByPatient(String patientId, int limit) {
        return chain.jdbc().query("SELECT " + COLUMNS + " FROM decision_record WHERE patient_id = ? ORDER BY seq DESC "
                + "FETCH FIRST " + Math.max(1, Math.min(limit, 1000)) + " ROWS ONLY", ROW, patientId);
    }

    /** The card and fired-rule rows that queries and statistics use. */
    private static void index(JdbcTemplate jdbc, DecisionRecord r, OffsetDateTime at) {
        if (r.cardsJson() != null) {
            for (JsonNode card : CanonicalJson.parse(r.cardsJson())) {
                String uuid = card.path("uuid").asString(null);
                if (uuid != null) {
                    jdbc.update("INSERT INTO decision_card (card_uuid, decision_id, recorded_at, rule_id, indicator, "
                            + "summary, suggestion_count) VALUES (?,?,?,?,?,?,?)", cut(uuid, 200), r.id(), at,
                            cut(card.path("source").path("topic").path("code").asString(null), 100),
                            cut(card.path("indicator").asString(null), 20), cut(card.path("summary").asString(null), 200),
                            card.path("suggestions").size());
                }
            }
        }
        if (r.firedRulesJson() != null) {
            for (JsonNode fired : CanonicalJson.parse(r.firedRulesJson())) {
                String ruleId = fired.path("ruleId").asString(null);
                if (ruleId != null) {
                    jdbc.update("INSERT INTO decision_rule (decision_id, rule_id, recorded_at) VALUES (?,?,?)", r.id(),
                            cut(ruleId, 100), at);
                }
            }
        }
    }

    static String cut(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }

    private static DecisionRecord row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new DecisionRecord(rs.getString("id"), rs.getObject("recorded_at", OffsetDateTime.class).toInstant(),
                rs.getString("service_id"), rs.getString("hook"), rs.getString("hook_instance"),
                rs.getString("patient_id"), rs.getString("user_id"), rs.getString("encounter_id"),
                rs.getString("client_issuer"), rs.getString("client_jti"), rs.getString("input_hash"),
                rs.getString("inputs_json"), rs.getString("facts_json"), rs.getString("rule_pack_version"),
                rs.getString("fired_rules_json"), rs.getString("cards_json"), rs.getInt("http_status"),
                rs.getString("error_code"), rs.getLong("latency_ms"));
    }
}
