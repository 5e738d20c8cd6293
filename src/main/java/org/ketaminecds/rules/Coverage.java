package org.ketaminecds.rules;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which rules the scenarios exercise: rules that no scenario fires, and scenarios that fire rules they do not
 * mention in their expectations (a sign the scenario, or the rule, is not what the author thinks).
 *
 * @param uncovered rules that no scenario fires
 * @param unexpected scenarios that fire rule ids they do not expect
 * @param fired names of the rules fired by at least one scenario
 */
public record Coverage(List<RuleInfo> uncovered, List<Unexpected> unexpected, Set<String> fired) {

    /**
     * A scenario that fires rules it does not mention.
     *
     * @param file the scenario file
     * @param name the scenario name
     * @param ruleIds the rule ids it fires without expecting them (in {@code cards}, {@code includes} or
     *     {@code fires})
     */
    public record Unexpected(String file, String name, List<String> ruleIds) {
    }

    /**
     * Runs every scenario of {@code dir} with {@code pack} and records which rules fire; JSON scenarios only when
     * {@code decider} is given. Scenarios that cannot run are skipped (a {@code rules test} reports them).
     */
    public static Coverage of(RulePack pack, Path dir, HookDecider decider) {
        Set<String> fired = new TreeSet<>();
        List<Unexpected> unexpected = new ArrayList<>();
        for (Path file : Scenarios.files(dir)) {
            Scenario scenario = Scenarios.read(dir, file);
            if (scenario.facts() == null || scenario.facts().evaluation() == null
                    || scenario.facts().evaluation().at() == null) {
                continue;
            }
            record(scenario, pack.evaluate(scenario.facts()).fired(), fired, unexpected);
        }
        for (Path file : decider == null ? List.<Path>of() : RequestScenarios.files(dir)) {
            RequestScenarios.firedRules(dir, file, pack, decider)
                    .ifPresent(run -> record(run.scenario(), run.fired(), fired, unexpected));
        }
        List<RuleInfo> uncovered = pack.rules().stream().filter(r -> !fired.contains(r.name())).toList();
        return new Coverage(uncovered, List.copyOf(unexpected), Set.copyOf(fired));
    }

    private static void record(Scenario scenario, List<FiredRule> firedRules, Set<String> fired,
            List<Unexpected> unexpected) {
        Set<String> expected = new LinkedHashSet<>(scenario.includes().keySet());
        if (scenario.cards() != null) {
            expected.addAll(scenario.cards().keySet());
        }
        expected.addAll(scenario.fires());
        Set<String> surprise = new TreeSet<>();
        for (FiredRule rule : firedRules) {
            fired.add(rule.name());
            if (!expected.contains(rule.ruleId())) {
                surprise.add(rule.ruleId());
            }
        }
        if (!surprise.isEmpty()) {
            unexpected.add(new Unexpected(scenario.file(), scenario.name(), List.copyOf(surprise)));
        }
    }
}
