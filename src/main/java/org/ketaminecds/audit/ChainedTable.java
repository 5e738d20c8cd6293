package org.ketaminecds.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An append-only audit table that is a hash chain: its content columns (everything but the chain bookkeeping) are
 * what each record's hash covers, in canonical JSON.
 *
 * @param table the SQL table
 * @param chain the chain's row in {@code chain_head}
 * @param columns the hashed content columns, the first being the record id
 */
record ChainedTable(String table, String chain, List<Column> columns) {
    static final String GENESIS = "0".repeat(64);

    static final ChainedTable DECISIONS = new ChainedTable("decision_record", "decision", List.of(
            Column.text("id"), Column.time("recorded_at"), Column.text("service_id"), Column.text("hook"),
            Column.text("hook_instance"), Column.text("patient_id"), Column.text("user_id"),
            Column.text("encounter_id"), Column.text("client_issuer"), Column.text("client_jti"),
            Column.text("input_hash"), Column.text("inputs_json"), Column.text("facts_json"),
            Column.text("rule_pack_version"), Column.text("fired_rules_json"), Column.text("cards_json"),
            Column.number("http_status"), Column.text("error_code"), Column.number("latency_ms")));

    static final ChainedTable FEEDBACK = new ChainedTable("card_feedback", "feedback", List.of(
            Column.text("id"), Column.time("received_at"), Column.text("service_id"), Column.text("card_uuid"),
            Column.text("decision_id"), Column.text("rule_id"), Column.bool("known_card"), Column.text("outcome"),
            Column.text("accepted_suggestions_json"), Column.text("reason_system"), Column.text("reason_code"),
            Column.text("reason_display"), Column.text("user_comment"), Column.text("outcome_timestamp"),
            Column.text("client_issuer"), Column.text("dedupe_key")));

    static final ChainedTable ACCESS = new ChainedTable("audit_access", "access", List.of(
            Column.text("id"), Column.time("accessed_at"), Column.text("principal"), Column.text("method"),
            Column.text("path"), Column.text("query_text")));

    static final List<ChainedTable> ALL = List.of(DECISIONS, FEEDBACK, ACCESS);

    /** The content of one stored row, as hashed. */
    Map<String, Object> content(ResultSet rs) throws SQLException {
        Map<String, Object> content = new LinkedHashMap<>();
        for (Column column : columns) {
            content.put(column.name(), column.read(rs));
        }
        return content;
    }

    /** {@code record_hash = SHA-256(prev_hash || canonical JSON of the content)}; null values are left out. */
    static String hash(String prevHash, Map<String, Object> content) {
        Map<String, Object> hashed = new LinkedHashMap<>();
        content.forEach((name, value) -> {
            if (value != null) {
                hashed.put(name, value instanceof Instant instant ? instant.toString() : value);
            }
        });
        return CanonicalJson.sha256(prevHash + CanonicalJson.ofValue(hashed));
    }

    /** The JDBC parameter of a time column (both drivers take an OffsetDateTime). */
    static OffsetDateTime timestamp(Instant instant) {
        return OffsetDateTime.ofInstant(instant, java.time.ZoneOffset.UTC);
    }

    /** Times are stored and hashed to the microsecond, the precision both databases keep. */
    static Instant stored(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS);
    }

    /** A hashed column. */
    record Column(String name, Kind kind) {
        enum Kind { TEXT, NUMBER, BOOL, TIME }

        static Column text(String name) {
            return new Column(name, Kind.TEXT);
        }

        static Column number(String name) {
            return new Column(name, Kind.NUMBER);
        }

        static Column bool(String name) {
            return new Column(name, Kind.BOOL);
        }

        static Column time(String name) {
            return new Column(name, Kind.TIME);
        }

        Object read(ResultSet rs) throws SQLException {
            return switch (kind) {
                case TEXT -> rs.getString(name);
                case NUMBER -> {
                    long value = rs.getLong(name);
                    yield rs.wasNull() ? null : value;
                }
                case BOOL -> {
                    boolean value = rs.getBoolean(name);
                    yield rs.wasNull() ? null : value;
                }
                case TIME -> {
                    OffsetDateTime value = rs.getObject(name, OffsetDateTime.class);
                    yield value == null ? null : value.toInstant();
                }
            };
        }

        /** The JDBC parameter for a content value. */
        Object parameter(Object value) {
            return value instanceof Instant instant ? timestamp(instant) : value;
        }
    }
}
