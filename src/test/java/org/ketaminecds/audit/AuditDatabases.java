package org.ketaminecds.audit;

import java.nio.file.Path;
import java.time.Instant;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Audit databases for the command tests: H2 files, migrated as the service migrates them, holding decisions
 * appended through the service's decision log.
 */
public final class AuditDatabases {

    private AuditDatabases() {
    }

    /** The URL of an H2 file database under {@code dir} that nothing has created yet. */
    public static String h2File(Path dir) {
        return "jdbc:h2:file:" + dir.resolve("ketamine-cds").toAbsolutePath();
    }

    /** A migrated H2 file database under {@code dir} (user {@code sa}, password {@code password}); its URL. */
    public static String migratedH2File(Path dir, String password) {
        String url = h2File(dir);
        Flyway.configure().dataSource(dataSource(url, password)).locations("classpath:db/migration",
                "classpath:db/vendor/h2").load().migrate();
        return url;
    }

    /** Appends the decisions through the service's decision log (hash chain included). */
    public static void append(String url, String password, DecisionRecord... records) {
        DriverManagerDataSource dataSource = dataSource(url, password);
        JdbcDecisionLog log = new JdbcDecisionLog(new HashChain(new JdbcTemplate(dataSource),
                new DataSourceTransactionManager(dataSource)));
        for (DecisionRecord record : records) {
            log.append(record);
        }
    }

    /** A decision of {@code serviceId} that ran the rules on {@code factsJson} and answered {@code cardsJson}. */
    public static DecisionRecord evaluated(String serviceId, String factsJson, String cardsJson) {
        return new DecisionRecord(UUID.randomUUID().toString(), Instant.parse("2026-03-02T09:00:00Z"), serviceId,
                "order-sign", UUID.randomUUID().toString(), "synthetic-e1", "Practitioner/1", null, null, null,
                "ab".repeat(32), "[]", factsJson, "cd".repeat(32), "[]", cardsJson, 200, null, 7);
    }

    /** Changes a decision the way only someone bypassing the application could: the append-only trigger is dropped. */
    public static void tamper(String url, String password, String statement) {
        JdbcTemplate owner = new JdbcTemplate(dataSource(url, password));
        owner.execute("DROP TRIGGER decision_record_append_only");
        owner.execute(statement);
    }

    /** The number of tables in the database's public schema. */
    public static int tables(String url, String password) {
        return new JdbcTemplate(dataSource(url, password)).queryForObject(
                "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'PUBLIC'", Integer.class);
    }

    private static DriverManagerDataSource dataSource(String url, String password) {
        return new DriverManagerDataSource(url, "sa", password);
    }
}
