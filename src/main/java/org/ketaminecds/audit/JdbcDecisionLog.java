package org.ketaminecds.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/** The decision log in a relational database (H2 by default, PostgreSQL in production). Insert and select only. */
@Repository
class JdbcDecisionLog implements DecisionLog {
    private static final String COLUMNS = "id, recorded_at, service_id, hook, hook_instance, patient_id, user_id, "
            + "encounter_id, client_issuer, client_jti, input_hash, inputs_json, facts_json, rule_pack_version, "
            + "fired_rules_json, cards_json, http_status, error_code, latency_ms";
    private static final RowMapper<DecisionRecord> ROW = JdbcDecisionLog::row;
    private final JdbcTemplate jdbc;

    JdbcDecisionLog(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void append(DecisionRecord r) {
        jdbc.update("INSERT INTO decision_record (" + COLUMNS + ") VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                r.id(), Timestamp.from(r.recordedAt()), cut(r.serviceId(), 200), cut(r.hook(), 100),
                cut(r.hookInstance(), 200), cut(r.patientId(), 200), cut(r.userId(), 200), cut(r.encounterId(), 200),
                cut(r.clientIssuer(), 500), cut(r.clientJti(), 200), r.inputHash(), r.inputsJson(), r.factsJson(),
                r.rulePackVersion(), r.firedRulesJson(), r.cardsJson(), r.httpStatus(), r.errorCode(), r.latencyMs());
    }

    @Override
    public Optional<DecisionRecord> find(String id) {
        return jdbc.query("SELECT " + COLUMNS + " FROM decision_record WHERE id = ?", ROW, id).stream().findFirst();
    }

    @Override
    public List<DecisionRecord> findByPatient(String patientId, int limit) {
        return jdbc.query("SELECT " + COLUMNS + " FROM decision_record WHERE patient_id = ? ORDER BY seq DESC "
                + "FETCH FIRST " + Math.max(1, Math.min(limit, 1000)) + " ROWS ONLY", ROW, patientId);
    }

    private static String cut(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }

    private static DecisionRecord row(ResultSet rs, int n) throws SQLException {
        return new DecisionRecord(rs.getString("id"), rs.getTimestamp("recorded_at").toInstant(),
                rs.getString("service_id"), rs.getString("hook"), rs.getString("hook_instance"),
                rs.getString("patient_id"), rs.getString("user_id"), rs.getString("encounter_id"),
                rs.getString("client_issuer"), rs.getString("client_jti"), rs.getString("input_hash"),
                rs.getString("inputs_json"), rs.getString("facts_json"), rs.getString("rule_pack_version"),
                rs.getString("fired_rules_json"), rs.getString("cards_json"), rs.getInt("http_status"),
                rs.getString("error_code"), rs.getLong("latency_ms"));
    }
}
