package org.ketaminecds.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.ketaminecds.rules.PackCopies;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code rules validate|test|coverage|replay} as an author or a CI job runs them: exit status and output. */
class RulesCliTest {
    static final JsonMapper JSON = JsonMapper.builder().build();

    record Run(int status, String output) {
        JsonNode json() {
            return JSON.readTree(output);
        }
    }

    static Run rules(String... args) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int status = RulesCli.run(args, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return new Run(status, bytes.toString(StandardCharsets.UTF_8));
    }

    @Test
    void validate_passes_on_the_shipped_pack() {
        Run run = rules("validate");
        assertThat(run.status()).as(run.output()).isZero();
        assertThat(run.output()).contains("OK: ");
    }

    @Test
    void validate_names_the_file_line_and_rule_of_a_compile_error_and_exits_1() {
        Path broken = PackCopies.copy();
        PackCopies.breakA05(broken);

        Run run = rules("validate", broken.toString());

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

        Run run = rules("validate", pack.toString());

        assertThat(run.status()).isEqualTo(1);
        assertThat(run.output()).contains(PackCopies.NEW_RULE_FILE + ":5: Z01 The synthetic-e1 sample patient",
                "'Z01' is not registered in catalogue.yaml");
    }

    @Test
    void validate_json_lists_each_error_with_file_line_and_rule() {
        Path broken = PackCopies.copy();
        PackCopies.breakA05(broken);

        Run run = rules("validate", broken.toString(), "--json");

        assertThat(run.status()).isEqualTo(1);
        JsonNode error = run.json().get("errors").get(0);
        assertThat(run.json().get("passed").asBoolean()).isFalse();
        assertThat(error.get("file").asString()).isEqualTo("suitability/A05-A06-pre-dose-blood-pressure.drl");
        assertThat(error.get("line").asInt()).isPositive();
        assertThat(error.get("rule").asString()).startsWith("A05 ");
    }

    @Test
    void test_passes_every_scenario_of_the_shipped_pack_and_shows_fired_rules() {
        Run run = rules("test", "rules");
        assertThat(run.status()).as(run.output()).isZero();
        assertThat(run.output()).contains("PASS suitability/scenarios/A05-predose-bp-152-94-warns.yaml", "fired [A05");
    }

    @Test
    void test_fails_with_the_scenario_file_when_a_change_breaks_a_scenario() {
        Path pack = PackCopies.copy();
        PackCopies.addNewRule(pack);
        PackCopies.edit(pack, PackCopies.NEW_RULE_FILE, PackCopies.NEW_RULE_CONDITION, "");

        Run run = rules("test", pack.toString(), "--json");

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

        Run run = rules("test", pack.toString());

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

        Run run = rules("test", pack.toString());

        assertThat(run.status()).isEqualTo(1);
        assertThat(run.output()).contains("FAIL suitability/scenarios/order-sign-esketamine-allergy-bp-maoi.json",
                "suitability/scenarios/order-sign-esketamine-allergy-bp-maoi.json:0: ",
                "expected exactly {A04=warning} but got {A04=critical");
    }

    @Test
    void coverage_lists_rules_no_scenario_fires_and_fails_only_when_strict() {
        Path pack = PackCopies.copy();
        PackCopies.addNewRule(pack);

        Run run = rules("coverage", pack.toString(), "--json");

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

        Run run = rules("coverage", pack.toString());

        assertThat(run.output()).containsPattern(
                "A05-predose-bp-152-94-warns.yaml:0: .*: fires \\[[^]]*Z01[^]]*\\] without expecting");
    }

    @ParameterizedTest
    @ValueSource(strings = {"validate", "test", "coverage", "replay"})
    void every_command_has_help(String command) {
        Run run = rules(command, "--help");
        assertThat(run.status()).isZero();
        assertThat(run.output()).startsWith("Usage: ketamine-cds rules " + command);
    }

    @Test
    void an_unknown_command_or_option_is_a_usage_error() {
        assertThat(rules("frobnicate").status()).isEqualTo(2);
        assertThat(rules("validate", "--colour").status()).isEqualTo(2);
        assertThat(rules("replay").status()).isEqualTo(2);
        assertThat(rules().status()).isEqualTo(2);
        assertThat(rules("--help").status()).isZero();
    }
}
