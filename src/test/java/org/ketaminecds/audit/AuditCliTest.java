package org.ketaminecds.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ketaminecds.cli.CliRun;

/** {@code audit verify} through the real entry point, on H2 files: a good trail, a tampered one, usage errors. */
class AuditCliTest {
    @TempDir
    Path data;

    @Test
    void a_trail_of_untouched_decisions_verifies_and_exits_0() {
        String url = AuditDatabases.migratedH2File(data, "");
        AuditDatabases.append(url, "", PostgresAudit.record("Patient/1"), PostgresAudit.record("Patient/2"));

        CliRun run = CliRun.of("audit", "verify", "--db-url", url);

        assertThat(run.status()).as(run.toString()).isZero();
        assertThat(run.output()).contains("decision: OK all 2 records verify", "feedback: OK", "access: OK",
                "audit trail verifies");
    }

    @Test
    void a_modified_decision_is_named_as_the_first_broken_record_and_exits_1() {
        String url = AuditDatabases.migratedH2File(data, "");
        DecisionRecord first = PostgresAudit.record("Patient/1");
        DecisionRecord second = PostgresAudit.record("Patient/2");
        AuditDatabases.append(url, "", first, second, PostgresAudit.record("Patient/3"));
        AuditDatabases.tamper(url, "", "UPDATE decision_record SET patient_id = 'Patient/other' WHERE chain_seq = 2");

        CliRun run = CliRun.of("audit", "verify", "--db-url=" + url);

        assertThat(run.status()).as(run.toString()).isEqualTo(1);
        assertThat(run.output()).contains("decision: BROKEN", "position 2, id " + second.id(), "audit trail is BROKEN")
                .doesNotContain(first.id());
    }

    @Test
    void the_password_comes_from_KETAMINE_DB_PASSWORD_and_the_user_from_db_user() {
        String url = AuditDatabases.migratedH2File(data, "s3cret");

        assertThat(CliRun.of(Map.of("KETAMINE_DB_PASSWORD", "s3cret"), "audit", "verify", "--db-url", url,
                "--db-user", "sa").status()).isZero();
        CliRun refused = CliRun.of("audit", "verify", "--db-url", url);
        assertThat(refused.status()).as(refused.toString()).isEqualTo(2);
        assertThat(refused.errors()).contains("cannot read the audit trail at " + url);
        assertThat(CliRun.of("audit", "verify", "--db-url", url, "--db-password", "s3cret").status()).isEqualTo(2);
    }

    @Test
    void an_empty_database_cannot_be_verified_and_is_never_migrated() {
        String url = AuditDatabases.h2File(data);

        CliRun run = CliRun.of("audit", "verify", "--db-url", url);

        assertThat(run.status()).as(run.toString()).isEqualTo(2);
        assertThat(AuditDatabases.tables(url, "")).isZero();
    }

    @Test
    void verify_has_generated_help_and_a_wrong_subcommand_or_option_is_a_usage_error() {
        CliRun help = CliRun.of("audit", "verify", "--help");
        assertThat(help.status()).isZero();
        assertThat(help.output()).contains("Usage: ketamine-cds audit verify [-h] [--db-url=URL] [--db-user=USER]",
                "KETAMINE_DB_PASSWORD", "Exit status:");
        assertThat(CliRun.of("audit", "--help").output()).startsWith("Usage: ketamine-cds audit").contains("verify");
        assertThat(CliRun.of("audit").status()).isEqualTo(2);
        assertThat(CliRun.of("audit", "repair").status()).isEqualTo(2);
        assertThat(CliRun.of("audit", "verify", "--url=jdbc:h2:mem:x").status()).isEqualTo(2);
    }

    @Test
    void an_unreachable_database_is_reported_without_a_stack_trace() {
        CliRun run = CliRun.of("audit", "verify", "--db-url", "jdbc:postgresql://127.0.0.1:1/none");

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.errors()).contains("cannot read the audit trail").doesNotContain("\tat ");
    }
}
