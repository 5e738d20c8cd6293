package org.ketaminecds.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.ketaminecds.audit.AuditDatabases;
import org.ketaminecds.facts.Evaluation;
import org.ketaminecds.facts.FactSet;
import org.ketaminecds.facts.Patient;
import org.ketaminecds.facts.Product;
import org.ketaminecds.rules.FactSnapshot;
import org.ketaminecds.rules.PackCopies;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * {@code rules validate|test|coverage|replay} as an author or a CI job runs them, through the real entry point:
 * exit status and output.
 */
class RulesCliTest {

    static CliRun rules(String... args) {
        String[] command = new String[args.length + 1];
        command[0] = "rules";
        System.arraycopy(args, 0, command, 1, args.length);
        return CliRun.of(command);
    }

    @Test
    void validate_passes_on_the_shipped_pack() {
        CliRun run = rules("validate");
        assertThat(run.status()).as(run.output()).isZero();
        assertThat(run.output()).contains("OK: ");
    }

    @Test
    void validate_names_the_file_line_and_rule_of_a_compile_error_and_exits_1() {
        Path broken = PackCopies.copy();
        PackCopies.breakA05(broken);

        CliRun run = rules("validate", broken.toString());

        assertThat(run.status()).isEqualTo(1);
        assertThat(run.output()).containsPattern(
                "(?m)^suitability/A05-A06-pre-dose-blood-pressure\\.drl:\\d+: A05 Pre-dose blood pressure above "
                        + "140/90: consider delaying: .*insertLogicl");
        assertThat(run.output()).contains("FAILED");
    }

    @Test
    void validate_reports_an_unregistered_rule_id() {
        Path pack = PackCopies.copy();
        PackCopies.addNewRule(pack);
        PackCopies.edit(pack, "catalogue.yaml", "- id: Z01", "- id: Z02");

        CliRun run = rules("validate", pack.toString());

        assertThat(run.status()).isEqualTo(1);
        assertThat(run.output()).contains(PackCopies.NEW_RULE_FILE + ":5: Z01 The synthetic-e1 sample patient",
                "'Z01' is not registered in catalogue.yaml");
    }

    @Test
    void validate_json_lists_each_error_with_file_line_and_rule() {
        Path broken = PackCopies.copy();
        PackCopies.breakA05(broken);

        CliRun run = rules("validate", broken.toString(), "--json");

        assertThat(run.status()).isEqualTo(1);
        JsonNode error = run.json().get("errors").get(0);
        assertThat(run.json().get("passed").asBoolean()).isFalse();
        assertThat(error.get("file").asString()).isEqualTo("suitability/A05-A06-pre-dose-blood-pressure.drl");
        assertThat(error.get("line").asInt()).isPositive();
        assertThat(error.get("rule").asString()).startsWith("A05 ");
    }

    @Test
    void test_passes_every_scenario_of_the_shipped_pack_and_shows_fired_rules() {
        CliRun run = rules("test", "rules");
        assertThat(run.status()).as(run.output()).isZero();
        assertThat(run.output()).contains("PASS suitability/scenarios/A05-predose-bp-152-94-warns.yaml", "fired [A05");
    }

    @Test
    void test_fails_with_the_scenario_file_when_a_change_breaks_a_scenario() {
        Path pack = PackCopies.copy();
        PackCopies.addNewRule(pack);
        PackCopies.edit(pack, PackCopies.NEW_RULE_FILE, PackCopies.NEW_RULE_CONDITION, "");

        CliRun run = rules("test", pack.toString(), "--json");

        assertThat(run.status()).isEqualTo(1);
        JsonNode failed = null;
        for (JsonNode scenario : run.json().get("scenarios")) {
            if (scenario.get("file").asString().equals("suitability/scenarios/A05-predose-bp-152-94-warns.yaml")) {
                failed = scenario;
            }
        }
        assertThat(failed.get("passed").asBoolean()).isFalse();
        assertThat(failed.get("fired").toString()).contains("Z01");
        assertThat(run.json().get("errors").toString())
                .contains("suitability/scenarios/A05-predose-bp-152-94-warns.yaml:0: ");
    }

    @Test
    void test_runs_json_scenarios_of_whole_cds_hooks_requests_alongside_the_yaml_ones() {
        Path pack = PackCopies.copy();
        PackCopies.addRequestScenario(pack, "order-sign-esketamine-allergy-bp-maoi", null);

        CliRun run = rules("test", pack.toString());

        assertThat(run.status()).as(run.output()).isZero();
        assertThat(run.output()).contains("PASS suitability/scenarios/order-sign-esketamine-allergy-bp-maoi.json",
                "PASS suitability/scenarios/A05-predose-bp-152-94-warns.yaml");
        assertThat(rules("coverage", pack.toString(), "--json").json().get("uncovered").toString())
                .doesNotContain("\"id\":\"B06\"");
    }

    @Test
    void a_json_scenario_with_a_wrong_expectation_fails_and_says_what_it_got() {
        Path pack = PackCopies.copy();
        PackCopies.addRequestScenario(pack, "order-sign-esketamine-allergy-bp-maoi", "{\"A04\": \"warning\"}");

        CliRun run = rules("test", pack.toString());

        assertThat(run.status()).isEqualTo(1);
        assertThat(run.output()).contains("FAIL suitability/scenarios/order-sign-esketamine-allergy-bp-maoi.json",
                "suitability/scenarios/order-sign-esketamine-allergy-bp-maoi.json:0: ",
                "expected exactly {A04=warning} but got {A04=critical");
    }

    @Test
    void a_json_scenario_that_does_not_parse_is_reported_with_its_file_and_line() throws IOException {
        Path pack = PackCopies.minimal();
        Files.createDirectories(pack.resolve("suitability/scenarios"));
        Files.writeString(pack.resolve("suitability/scenarios/broken.json"),
                "{\n  \"name\": \"Broken\",\n  \"request\": {,\n}\n");

        CliRun run = rules("test", pack.toString());

        assertThat(run.status()).as(run.toString()).isEqualTo(1);
        assertThat(run.output())
                .containsPattern("(?m)^suitability/scenarios/broken\\.json:3: .*scenario does not parse");
    }

    @Test
    void coverage_lists_rules_no_scenario_fires_and_fails_only_when_strict() {
        Path pack = PackCopies.copy();
        PackCopies.addNewRule(pack);

        CliRun run = rules("coverage", pack.toString(), "--json");

        assertThat(run.status()).as(run.output()).isZero();
        assertThat(run.json().get("uncovered").toString()).contains("\"id\":\"Z01\"");
        assertThat(run.json().get("uncovered").toString()).doesNotContain("\"id\":\"A05\"");
        assertThat(rules("coverage", pack.toString(), "--strict").status()).isEqualTo(1);
    }

    @Test
    void coverage_names_a_scenario_that_fires_a_rule_it_does_not_expect() {
        Path pack = PackCopies.copy();
        PackCopies.addNewRule(pack);
        PackCopies.edit(pack, PackCopies.NEW_RULE_FILE, "insertLogical(Finding.of(\"Z01\", Indicator.INFO));",
                "// fires without a card");
        PackCopies.edit(pack, PackCopies.NEW_RULE_FILE, PackCopies.NEW_RULE_CONDITION, "");

        CliRun run = rules("coverage", pack.toString());

        assertThat(run.output()).containsPattern(
                "A05-predose-bp-152-94-warns.yaml:0: .*: fires \\[[^]]*Z01[^]]*\\] without expecting");
    }

    @ParameterizedTest
    @ValueSource(strings = {"validate", "test", "coverage", "replay"})
    void every_command_has_generated_help_that_exits_0(String command) {
        CliRun run = rules(command, "--help");
        assertThat(run.status()).as(run.toString()).isZero();
        assertThat(run.output()).contains("Usage: ketamine-cds rules " + command + " [-h] [--json]", "Exit status:");
    }

    @Test
    void the_help_of_rules_lists_every_command_and_shows_the_configured_default_directory() {
        CliRun run = rules("--help");
        assertThat(run.status()).isZero();
        assertThat(run.output()).startsWith("Usage: ketamine-cds rules").contains("validate", "test", "coverage",
                "replay");
        assertThat(rules("validate", "--help").output()).contains("now ./rules");
        assertThat(rules("replay", "--help").output().replaceAll("\\s+", " ")).contains("--db-url",
                configuredDatabaseUrl(), "KETAMINE_DB_PASSWORD").doesNotContain("--db-password");
    }

    @Test
    void an_unknown_command_or_option_or_a_missing_argument_is_a_usage_error_that_exits_2() {
        assertThat(rules("frobnicate").status()).isEqualTo(2);
        assertThat(rules("validate", "--colour").status()).isEqualTo(2);
        assertThat(rules("validate", "one", "two").status()).isEqualTo(2);
        assertThat(rules("validate", "--db-url", "jdbc:h2:mem:x").status()).isEqualTo(2);
        assertThat(rules("replay").errors()).contains("--candidate");
        assertThat(rules("replay").status()).isEqualTo(2);
        assertThat(rules("replay", "--candidate", "rules", "--since", "yesterday").errors())
                .contains("a date (2026-03-01) or an instant");
        assertThat(rules("replay", "--db-password", "secret", "--candidate", "rules").status()).isEqualTo(2);
        assertThat(rules().status()).isEqualTo(2);
    }

    @Test
    void replay_lists_the_recorded_decisions_a_candidate_pack_changes(@TempDir Path data) {
        String url = AuditDatabases.migratedH2File(data, "");
        String e1 = snapshot("Patient/synthetic-e1");
        AuditDatabases.append(url, "", AuditDatabases.evaluated("ketamine-order-sign", e1, "[]"),
                AuditDatabases.evaluated("ketamine-order-sign", snapshot("Patient/other"), "[]"),
                AuditDatabases.evaluated("ketamine-patient-view", e1, "[{\"indicator\":\"info\",\"source\":"
                        + "{\"topic\":{\"code\":\"Z01\"}}}]"));
        Path candidate = PackCopies.minimal();

        CliRun run = rules("replay", "--candidate", candidate.toString(), "--db-url", url);

        assertThat(run.status()).as(run.toString()).isZero();
        assertThat(run.output()).containsPattern("(?m)^[0-9a-f-]{36} 2026-03-02T09:00:00Z ketamine-order-sign \\(pack "
                + "cdcdcdcdcdcd\\): \\+Z01 info$").contains("rule Z01: added 1, removed 0, changed 0",
                "3 decisions replayed with candidate ", "; 1 would change");
        JsonNode json = rules("replay", "--candidate", candidate.toString(), "--db-url=" + url, "--json").json();
        assertThat(json.get("replayed").asInt()).isEqualTo(3);
        assertThat(json.get("differing").asInt()).isEqualTo(1);
        assertThat(json.get("decisions").get(0).get("added").get(0).get("ruleId").asString()).isEqualTo("Z01");
        assertThat(rules("replay", "--candidate", candidate.toString(), "--db-url", url, "--service",
                "ketamine-patient-view", "--json").json().get("replayed").asInt()).isEqualTo(1);
        assertThat(rules("replay", "--candidate", candidate.toString(), "--db-url", url, "--since", "2026-03-03",
                "--json").json().get("replayed").asInt()).isZero();
    }

    @Test
    void replay_fails_with_exit_1_when_the_decision_log_cannot_be_read_and_never_migrates_it(@TempDir Path data) {
        String url = AuditDatabases.h2File(data);

        CliRun run = rules("replay", "--candidate", PackCopies.minimal().toString(), "--db-url", url);

        assertThat(run.status()).as(run.toString()).isEqualTo(1);
        assertThat(run.output()).contains("FAILED: cannot read the decision log at " + url).doesNotContain("\tat ");
        assertThat(AuditDatabases.tables(url, "")).isZero();
    }

    /** The service's {@code spring.datasource.url}, as application.yml sets it. */
    static String configuredDatabaseUrl() {
        try {
            String yaml = Files.readString(Path.of("src/main/resources/application.yml"));
            return YAMLMapper.builder().build().readTree(yaml).get("spring").get("datasource").get("url").asString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String snapshot(String patient) {
        return FactSnapshot.write(new FactSet(new Evaluation("order-sign", Product.ESKETAMINE,
                Instant.parse("2026-03-02T09:00:00Z"), "MedicationRequest/1", true, null),
                new Patient(patient, null, null, null), null, null, null, null, null, null, null, null));
    }
}
