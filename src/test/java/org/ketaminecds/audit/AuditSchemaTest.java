package org.ketaminecds.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The audit records are defined once, by their record types ({@link ChainedTable}); the migrations must create the
 * same columns with the same widths, on both databases, and the hash of a record must not change between versions
 * (records already in a trail must keep verifying).
 */
class AuditSchemaTest {
    /** Chain bookkeeping, not content: not hashed. */
    static final Set<String> BOOKKEEPING = Set.of("seq", "chain_seq", "prev_hash", "record_hash");

    @Test
    void the_h2_migrations_create_exactly_the_columns_the_records_define() throws SQLException {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:schema-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        Flyway.configure().dataSource(h2).locations("classpath:db/migration", "classpath:db/vendor/h2").load()
                .migrate();
        assertSchemaMatches(h2);
    }

    @Test
    void the_postgresql_migrations_create_exactly_the_columns_the_records_define() throws SQLException {
        assertSchemaMatches(PostgresAudit.dataSource(PostgresAudit.freshDatabase()));
    }

    private static void assertSchemaMatches(DataSource dataSource) throws SQLException {
        for (ChainedTable<?> table : ChainedTable.ALL) {
            Map<String, Column> columns = columns(dataSource, table.table());
            columns.keySet().removeAll(BOOKKEEPING);
            Map<String, String> expected = new TreeMap<>();
            table.columns().forEach(c -> expected.put(c.name(), kind(c)));
            Map<String, String> actual = new TreeMap<>();
            columns.forEach((name, c) -> actual.put(name, c.kind()));
            assertThat(actual).as("columns of %s", table.table()).isEqualTo(expected);
        }
    }

    private static String kind(ChainedTable.Column column) {
        return switch (column.kind()) {
            case TEXT -> column.max() > 0 ? "varchar(" + column.max() + ")" : "text";
            case NUMBER -> "integer";
            case BOOL -> "boolean";
            case TIME -> "timestamptz";
        };
    }

    private record Column(int sqlType, String typeName, int size) {
        String kind() {
            String name = typeName.toLowerCase(Locale.ROOT);
            if (name.contains("char") && !name.contains("large object") && !name.equals("text")) {
                return size >= 1_000_000 ? "text" : "varchar(" + size + ")";
            }
            if (name.equals("text") || name.contains("large object") || name.contains("clob")) {
                return "text";
            }
            if (name.contains("int")) {
                return "integer";
            }
            if (name.contains("bool")) {
                return "boolean";
            }
            if (name.contains("timestamp")) {
                return "timestamptz";
            }
            return name;
        }
    }

    private static Map<String, Column> columns(DataSource dataSource, String table) throws SQLException {
        Map<String, Column> columns = new TreeMap<>();
        try (Connection connection = dataSource.getConnection()) {
            DatabaseMetaData meta = connection.getMetaData();
            for (String name : new String[] {table, table.toUpperCase(Locale.ROOT)}) {
                try (ResultSet rs = meta.getColumns(null, null, name, null)) {
                    while (rs.next()) {
                        columns.put(rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT), new Column(
                                rs.getInt("DATA_TYPE"), rs.getString("TYPE_NAME"), rs.getInt("COLUMN_SIZE")));
                    }
                }
            }
        }
        return columns;
    }

    @Test
    void a_records_hash_is_the_one_earlier_versions_computed() {
        // Pinned: the canonical JSON and SHA-256 the earlier versions computed for this content (checked independently). A change here means
        // every existing trail stops verifying.
        DecisionRecord record = new DecisionRecord("3f2c9d7e-0000-4000-8000-000000000001",
                Instant.parse("2026-03-02T09:00:00.123456789Z"), "ketamine-order-sign", "order-sign", "hook-1",
                "synthetic-k1", "Practitioner/1", null, "https://ehr.example.org", "jti-1", "ab".repeat(32), "[]",
                "{\"format\":2}", "cd".repeat(32), "[]", "[]", 200, null, 12);
        assertThat(ChainedTable.hash(ChainedTable.GENESIS, ChainedTable.DECISIONS.content(record)))
                .isEqualTo(PINNED_DECISION_HASH);
    }

    static final String PINNED_DECISION_HASH =
            "bac944c6bc887ee4108c5781e9d244a68e2098c8457b8bf3c16aabb112ce6eaa";

    @Test
    void a_record_reads_back_equal_to_what_was_appended() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:roundtrip-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        Flyway.configure().dataSource(h2).locations("classpath:db/migration", "classpath:db/vendor/h2").load()
                .migrate();
        JdbcDecisionLog log = PostgresAudit.log(h2);
        DecisionRecord record = PostgresAudit.record("Patient/round-trip");
        log.append(record);
        DecisionRecord read = log.find(record.id()).orElseThrow();
        assertThat(read).usingRecursiveComparison().ignoringFields("recordedAt").isEqualTo(record);
        assertThat(read.recordedAt()).isEqualTo(ChainedTable.stored(record.recordedAt()));
        assertThat(new ChainVerifier(new JdbcTemplate(h2)).verifyAll()).allMatch(ChainReport::intact);
    }
}
