package org.ketaminecds.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** {@code audit verify} on the embedded H2 store, and its usage errors. */
class AuditCliTest {
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);

    @Test
    void an_empty_migrated_h2_trail_verifies() {
        String url = "jdbc:h2:mem:cli-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1";
        Flyway.configure().dataSource(new DriverManagerDataSource(url, "sa", ""))
                .locations("classpath:db/migration", "classpath:db/vendor/h2").load().migrate();
        assertThat(AuditCli.auditCommand(new String[] {"verify", "--url=" + url}, Map.of(), print, print)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("decision: OK").contains("feedback: OK")
                .contains("access: OK").contains("audit trail verifies");
    }

    @Test
    void a_wrong_subcommand_or_argument_is_a_usage_error() {
        assertThat(AuditCli.auditCommand(new String[] {}, Map.of(), print, print)).isEqualTo(2);
        assertThat(AuditCli.auditCommand(new String[] {"repair"}, Map.of(), print, print)).isEqualTo(2);
        assertThat(AuditCli.auditCommand(new String[] {"verify", "--password"}, Map.of(), print, print)).isEqualTo(2);
    }

    @Test
    void an_unreachable_database_is_reported_without_a_stack_trace() {
        assertThat(AuditCli.auditCommand(new String[] {"verify", "--url=jdbc:postgresql://127.0.0.1:1/none"},
                Map.of(), print, print)).isEqualTo(2);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("cannot read the audit trail").doesNotContain("\tat ");
    }
}
