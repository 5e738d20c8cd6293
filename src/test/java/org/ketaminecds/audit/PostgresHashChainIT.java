package org.ketaminecds.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ketaminecds.cli.CliRun;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;

/** The decision trail on a real PostgreSQL server: append-only, hash-chained, verifiable, safe for many writers. */
class PostgresHashChainIT {
    String database;
    JdbcTemplate superuser;
    List<String> ids = new ArrayList<>();

    @BeforeEach
    void fiveDecisions() {
        database = PostgresAudit.freshDatabase();
        DataSource dataSource = PostgresAudit.dataSource(database);
        superuser = new JdbcTemplate(dataSource);
        JdbcDecisionLog log = PostgresAudit.log(dataSource);
        for (int i = 0; i < 5; i++) {
            DecisionRecord record = PostgresAudit.record("Patient/" + i);
            log.append(record);
            ids.add(record.id());
        }
    }

    ChainReport decisions() {
        return new ChainVerifier(superuser).verify(ChainedTable.DECISIONS);
    }

    /** What a superuser can do despite the triggers: the hash chain must still expose it. */
    void tamper(String... statements) {
        superuser.execute("ALTER TABLE decision_record DISABLE TRIGGER USER");
        for (String statement : statements) {
            superuser.execute(statement);
        }
        superuser.execute("ALTER TABLE decision_record ENABLE TRIGGER USER");
    }

    @Test
    void an_untouched_trail_verifies() {
        assertThat(decisions().intact()).isTrue();
        assertThat(decisions().records()).isEqualTo(5);
        assertThat(new ChainVerifier(superuser).verifyAll()).allMatch(ChainReport::intact);
    }

    @Test
    void the_database_refuses_updates_deletes_and_truncation() {
        assertThatThrownBy(() -> superuser.update("UPDATE decision_record SET cards_json = '[]'"))
                .isInstanceOf(DataAccessException.class).hasMessageContaining("append-only");
        assertThatThrownBy(() -> superuser.update("DELETE FROM decision_record WHERE chain_seq = 2"))
                .isInstanceOf(DataAccessException.class).hasMessageContaining("append-only");
        assertThatThrownBy(() -> superuser.execute("TRUNCATE decision_record CASCADE"))
                .isInstanceOf(DataAccessException.class).hasMessageContaining("append-only");
        assertThatThrownBy(() -> superuser.execute("TRUNCATE card_feedback"))
                .isInstanceOf(DataAccessException.class).hasMessageContaining("append-only");
        assertThatThrownBy(() -> superuser.execute("TRUNCATE audit_access"))
                .isInstanceOf(DataAccessException.class).hasMessageContaining("append-only");
        assertThat(decisions().intact()).isTrue();
    }

    @Test
    void a_modified_record_is_named_as_the_first_broken_one() {
        tamper("UPDATE decision_record SET cards_json = '[]' WHERE chain_seq = 3");
        ChainReport report = decisions();
        assertThat(report.intact()).isFalse();
        assertThat(report.problem()).isEqualTo("modified");
        assertThat(report.firstBrokenPosition()).isEqualTo(3);
        assertThat(report.firstBrokenId()).isEqualTo(ids.get(2));
    }

    @Test
    void a_deleted_record_breaks_the_chain_at_its_position() {
        tamper("DELETE FROM decision_record WHERE chain_seq = 2");
        ChainReport report = decisions();
        assertThat(report.problem()).isEqualTo("deleted");
        assertThat(report.firstBrokenPosition()).isEqualTo(2);
    }

    @Test
    void a_deletion_hidden_by_renumbering_is_still_found() {
        tamper("DELETE FROM decision_record WHERE chain_seq = 2",
                "UPDATE decision_record SET chain_seq = chain_seq - 1 WHERE chain_seq > 2");
        ChainReport report = decisions();
        assertThat(report.intact()).isFalse();
        assertThat(report.firstBrokenPosition()).isEqualTo(2);
        assertThat(report.firstBrokenId()).isEqualTo(ids.get(2));
    }

    @Test
    void reordered_records_are_found() {
        tamper("UPDATE decision_record SET chain_seq = -1 WHERE chain_seq = 3",
                "UPDATE decision_record SET chain_seq = 3 WHERE chain_seq = 4",
                "UPDATE decision_record SET chain_seq = 4 WHERE chain_seq = -1");
        ChainReport report = decisions();
        assertThat(report.problem()).isEqualTo("reordered");
        assertThat(report.firstBrokenPosition()).isEqualTo(3);
        assertThat(report.firstBrokenId()).isEqualTo(ids.get(3));
    }

    @Test
    void records_cut_off_the_end_are_found() {
        tamper("DELETE FROM decision_record WHERE chain_seq = 5");
        ChainReport report = decisions();
        assertThat(report.problem()).isEqualTo("truncated");
        assertThat(report.firstBrokenPosition()).isEqualTo(5);
    }

    @Test
    void the_audit_verify_command_names_the_first_broken_record_and_fails() {
        Map<String, String> env = Map.of("KETAMINE_DB_PASSWORD", "postgres");
        String[] args = {"audit", "verify", "--db-url=" + PostgresAudit.jdbcUrl(database), "--db-user=postgres"};
        CliRun run = CliRun.of(env, args);
        assertThat(run.status()).as(run.toString()).isZero();
        assertThat(run.output()).contains("decision: OK all 5 records verify");

        tamper("UPDATE decision_record SET patient_id = 'Patient/other' WHERE chain_seq = 4");
        run = CliRun.of(env, args);
        assertThat(run.status()).as(run.toString()).isEqualTo(1);
        assertThat(run.output()).contains("decision: BROKEN").contains(ids.get(3)).contains("audit trail is BROKEN");
    }

    @Test
    void two_service_instances_writing_concurrently_leave_a_chain_that_verifies() throws Exception {
        List<JdbcDecisionLog> instances = List.of(PostgresAudit.log(PostgresAudit.dataSource(database)),
                PostgresAudit.log(PostgresAudit.dataSource(database)));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<?>> writers = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            JdbcDecisionLog instance = instances.get(t % 2);
            writers.add(pool.submit(() -> {
                for (int i = 0; i < 25; i++) {
                    instance.append(PostgresAudit.record("Patient/concurrent"));
                }
            }));
        }
        for (Future<?> writer : writers) {
            writer.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();
        ChainReport report = decisions();
        assertThat(report.intact()).as(report.detail()).isTrue();
        assertThat(report.records()).isEqualTo(105);
        assertThat(superuser.queryForObject("SELECT count(*) FROM decision_card", Long.class)).isEqualTo(105);
    }
}
