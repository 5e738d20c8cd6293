package org.ketaminecds.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Runs every scenario of the shipped rule pack; each is its own test, named after the scenario. */
class RuleScenariosTest {
    static final Path RULES = Path.of("rules");
    static RulePack pack;

    @BeforeAll
    static void loadShippedPack() {
        pack = new RulePackLoader(Clock.systemUTC()).load(RULES);
    }

    @TestFactory
    Stream<DynamicTest> every_scenario_of_the_shipped_pack_passes() {
        return Scenarios.files(RULES).stream().map(file -> {
            Scenario scenario = Scenarios.read(RULES, file);
            return DynamicTest.dynamicTest(scenario.file() + ": " + scenario.name(), () -> {
                ScenarioResult result = Scenarios.run(pack, scenario);
                assertThat(result.problems()).as(scenario.file()).isEmpty();
                assertThat(result.passed()).isTrue();
            });
        });
    }
}
