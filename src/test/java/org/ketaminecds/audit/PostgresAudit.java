package org.ketaminecds.audit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/** A real PostgreSQL server (zonky's binaries from Maven Central) started once per test JVM, a fresh database each. */
final class PostgresAudit {
    private static EmbeddedPostgres server;
    private static final AtomicInteger DATABASES = new AtomicInteger();

    private PostgresAudit() {
    }

    static synchronized EmbeddedPostgres server() {
        if (server == null) {
            try {
                server = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    server.close();
                } catch (IOException e) {
                    // the JVM is ending anyway
                }
            }));
        }
        return server;
    }

    /** A new, migrated database; returns its name. */
    static String freshDatabase() {
        String name = "audit" + DATABASES.incrementAndGet();
        new JdbcTemplate(server().getPostgresDatabase()).execute("CREATE DATABASE " + name);
        Flyway.configure().dataSource(dataSource(name))
                .locations("classpath:db/migration", "classpath:db/vendor/postgresql").load().migrate();
        return name;
    }

    /** An independent DataSource on the database, as a second service instance would have. */
    static DataSource dataSource(String database) {
        return server().getDatabase("postgres", database);
    }

    static String jdbcUrl(String database) {
        return server().getJdbcUrl("postgres", database);
    }

    static JdbcDecisionLog log(DataSource dataSource) {
        return new JdbcDecisionLog(new HashChain(new JdbcTemplate(dataSource),
                new DataSourceTransactionManager(dataSource)));
    }

    static DecisionRecord record(String patient) {
        String card = "[{\"indicator\":\"warning\",\"source\":{\"topic\":{\"code\":\"K01\"}},\"summary\":\"Check blood "
                + "pressure\",\"uuid\":\"" + UUID.randomUUID() + "\"}]";
        return new DecisionRecord(UUID.randomUUID().toString(), Instant.now(), "ketamine-order-sign", "order-sign",
                UUID.randomUUID().toString(), patient, "Practitioner/1", null, null, null, "ab".repeat(32), "[]",
                "[]", "cd".repeat(32), "[{\"matched\":[],\"name\":\"K01 x\",\"ruleId\":\"K01\"}]", card, 200, null, 7);
    }
}
