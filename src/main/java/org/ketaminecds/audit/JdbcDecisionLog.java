package org.ketaminecds.audit;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.ketaminecds.common.CanonicalJson;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The decision log in a relational database (H2 by default, PostgreSQL in production). Insert and select only: each
 * record is appended to the {@code decision} hash chain, with its card and fired-rule index rows in the same
 * transaction. Its columns are {@link DecisionRecord}'s ({@link ChainedTable#DECISIONS}).
 */
class JdbcDecisionLog implements DecisionLog {
    private static final ChainedTable<DecisionRecord> TABLE = ChainedTable.DECISIONS;
    private final HashChain chain;

    JdbcDecisionLog(HashChain chain) {
        this.chain = chain;
    }

    @Override
    public void append(DecisionRecord r) {
        OffsetDateTime at = ChainedTable.timestamp(ChainedTable.stored(r.recordedAt()));
        chain.append(TABLE, r, jdbc -> true, jdbc -> index(jdbc, r, at));
    }

    @Override
    public Optional<DecisionRecord> find(String id) {
        return chain.jdbc().query("SELECT " + TABLE.columnList() + " FROM decision_record WHERE id = ?", TABLE.rows(),
                id).stream().findFirst();
    }

    @Override
    public List<DecisionRecord> findByPatient(String patientId, int limit) {
        return chain.jdbc().query("SELECT " + TABLE.columnList() + " FROM decision_record WHERE patient_id = ? "
                + "ORDER BY seq DESC FETCH FIRST " + Math.max(1, Math.min(limit, 1000)) + " ROWS ONLY", TABLE.rows(),
                patientId);
    }

    @Override
    public List<DecisionRecord> evaluated(Instant since, String serviceId) {
        StringBuilder sql = new StringBuilder("SELECT " + TABLE.columnList() + " FROM decision_record "
                + "WHERE facts_json IS NOT NULL AND http_status = 200");
        List<Object> args = new ArrayList<>();
        if (since != null) {
            sql.append(" AND recorded_at >= ?");
            args.add(ChainedTable.timestamp(since));
        }
        if (serviceId != null) {
            sql.append(" AND service_id = ?");
            args.add(serviceId);
        }
        return chain.jdbc().query(sql.append(" ORDER BY seq").toString(), TABLE.rows(), args.toArray());
    }

    /** The card and fired-rule rows that queries and statistics use. */
    private static void index(JdbcTemplate jdbc, DecisionRecord r, OffsetDateTime at) {
        if (r.cardsJson() != null) {
            for (JsonNode card : CanonicalJson.parse(r.cardsJson())) {
                String uuid = card.path("uuid").asString(null);
                if (uuid != null) {
                    jdbc.update("INSERT INTO decision_card (card_uuid, decision_id, recorded_at, rule_id, indicator, "
                            + "summary, suggestion_count) VALUES (?,?,?,?,?,?,?)", ChainedTable.cut(uuid, 200), r.id(),
                            at, ChainedTable.cut(card.path("source").path("topic").path("code").asString(null), 100),
                            ChainedTable.cut(card.path("indicator").asString(null), 20),
                            ChainedTable.cut(card.path("summary").asString(null), 200),
                            card.path("suggestions").size());
                }
            }
        }
        if (r.firedRulesJson() != null) {
            for (JsonNode fired : CanonicalJson.parse(r.firedRulesJson())) {
                String ruleId = fired.path("ruleId").asString(null);
                if (ruleId != null) {
                    jdbc.update("INSERT INTO decision_rule (decision_id, rule_id, recorded_at) VALUES (?,?,?)", r.id(),
                            ChainedTable.cut(ruleId, 100), at);
                }
            }
        }
    }
}
