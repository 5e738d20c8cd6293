package org.ketaminecds.rules;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the decisions a replay re-evaluates from the decision log's table: those that ran the rules (they have
 * a fact snapshot), oldest first. Plain JDBC, so the CLI needs no running service.
 */
public final class RecordedDecisions {
    private final Connection connection;

    public RecordedDecisions(Connection connection) {
        this.connection = connection;
    }

    /** Decisions recorded at or after {@code since} (null: all), for {@code serviceId} (null: every service). */
    public List<Replay.Recorded> read(Instant since, String serviceId) throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT id, recorded_at, service_id, patient_id, rule_pack_version, "
                + "facts_json, cards_json FROM decision_record WHERE facts_json IS NOT NULL AND http_status = 200");
        List<Object> args = new ArrayList<>();
        if (since != null) {
            sql.append(" AND recorded_at >= ?");
            args.add(Timestamp.from(since));
        }
        if (serviceId != null) {
            sql.append(" AND service_id = ?");
            args.add(serviceId);
        }
        sql.append(" ORDER BY seq");
        try (PreparedStatement statement = connection.prepareStatement(sql.toString())) {
            for (int i = 0; i < args.size(); i++) {
                statement.setObject(i + 1, args.get(i));
            }
            List<Replay.Recorded> decisions = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    decisions.add(new Replay.Recorded(rs.getString("id"), rs.getTimestamp("recorded_at").toInstant(),
                            rs.getString("service_id"), rs.getString("patient_id"), rs.getString("rule_pack_version"),
                            rs.getString("facts_json"), rs.getString("cards_json")));
                }
            }
            return decisions;
        }
    }
}
