package org.ketaminecds.rules;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.ketaminecds.facts.FactSet;
import org.ketaminecds.facts.Finding;
import org.ketaminecds.facts.Indicator;
import org.ketaminecds.terminology.CodeSystems;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Finds, reads and runs the scenarios under a rules directory ({@code <topic>/scenarios/*.yaml}). */
public final class Scenarios {
    private static final Map<String, String> SYSTEM_ALIASES = Map.of("rxnorm", CodeSystems.RXNORM, "atc",
            CodeSystems.ATC, "icd10cm", CodeSystems.ICD10CM, "snomed", CodeSystems.SNOMED, "loinc",
            CodeSystems.LOINC, "ndc", CodeSystems.NDC, "local", CodeSystems.LOCAL);

    private Scenarios() {
    }

    /** Every scenario file under {@code dir}, sorted by path. */
    public static List<Path> files(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(p -> p.getParent() != null && p.getParent().getFileName().toString().equals("scenarios"))
                    .filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads one scenario file; errors carry the file and line. */
    public static Scenario read(Path dir, Path file) {
        String rel = dir.relativize(file).toString().replace('\\', '/');
        try {
            JsonNode tree = PackFiles.YAML.readTree(file.toFile());
            expandSystems(tree);
            FactSet facts = PackFiles.FACTS_YAML.treeToValue(tree.path("facts"), FactSet.class);
            JsonNode expect = tree.path("expect");
            return expectations(rel, tree.path("name").asString(rel), facts, expect);
        } catch (JacksonException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new RulePackException(List.of(new RuleMessage(rel, line, null, "ERROR",
                    "scenario does not parse: " + e.getOriginalMessage())));
        }
    }

    /** Runs a scenario against a pack. */
    public static ScenarioResult run(RulePack pack, Scenario scenario) {
        List<String> problems = new ArrayList<>();
        if (scenario.facts() == null || scenario.facts().evaluation() == null
                || scenario.facts().evaluation().at() == null) {
            return new ScenarioResult(scenario.file(), scenario.name(), false,
                    List.of("facts.evaluation with 'at' (the fixed evaluation instant) is required"), Map.of(), List.of());
        }
        if (expectsNothing(scenario)) {
            problems.add("the scenario has no expectation (expect.cards, includes, excludes or fires)");
        }
        RuleOutcome outcome = pack.evaluate(scenario.facts());
        Map<String, String> cards = cards(outcome.findings());
        List<String> fired = outcome.fired().stream().map(FiredRule::ruleId).distinct().toList();
        problems.addAll(check(scenario, cards, fired));
        return new ScenarioResult(scenario.file(), scenario.name(), problems.isEmpty(), problems, cards, fired);
    }

    /** What does not hold of the scenario's expectations, given the cards (rule id to indicator) and fired rules. */
    static List<String> check(Scenario scenario, Map<String, String> cards, List<String> fired) {
        List<String> problems = new ArrayList<>();
        if (scenario.cards() != null && !scenario.cards().equals(cards)) {
            problems.add("expected exactly " + new TreeMap<>(scenario.cards()) + " but got " + cards);
        }
        scenario.includes().forEach((rule, indicator) -> {
            if (!indicator.equals(cards.get(rule))) {
                problems.add("expected " + rule + " " + indicator + " but got " + cards.getOrDefault(rule, "no card"));
            }
        });
        for (String rule : scenario.excludes()) {
            if (cards.containsKey(rule)) {
                problems.add("expected no " + rule + " card but got " + cards.get(rule));
            }
        }
        for (String rule : scenario.fires()) {
            if (!fired.contains(rule)) {
                problems.add("expected rule " + rule + " to fire but fired " + fired);
            }
        }
        return problems;
    }

    /** The expectations of a scenario's {@code expect} node (YAML and JSON scenarios share them). */
    static Scenario expectations(String file, String name, FactSet facts, JsonNode expect) {
        return new Scenario(file, name, facts, expect.has("cards") ? map(expect.get("cards")) : null,
                expect.has("includes") ? map(expect.get("includes")) : Map.of(),
                strings(expect.get("excludes")), strings(expect.get("fires")));
    }

    static boolean expectsNothing(Scenario scenario) {
        return scenario.cards() == null && scenario.includes().isEmpty() && scenario.excludes().isEmpty()
                && scenario.fires().isEmpty();
    }

    /** One entry per rule id, with the most urgent indicator among its findings. */
    public static Map<String, String> cards(List<Finding> findings) {
        Map<String, Indicator> byRule = new TreeMap<>();
        for (Finding f : findings) {
            byRule.merge(f.ruleId(), f.indicator(), Indicator::max);
        }
        Map<String, String> cards = new TreeMap<>();
        byRule.forEach((rule, indicator) -> cards.put(rule, indicator.wire()));
        return cards;
    }

    private static List<String> strings(JsonNode node) {
        if (node == null || node.isNull()) {
            return List.of();
        }
        List<String> values = new ArrayList<>();
        node.forEach(n -> values.add(n.asString()));
        return values;
    }

    private static Map<String, String> map(JsonNode node) {
        Map<String, String> map = new TreeMap<>();
        node.properties().forEach(e -> map.put(e.getKey(), e.getValue().asString()));
        return map;
    }

    private static void expandSystems(JsonNode node) {
        if (node instanceof ObjectNode object) {
            JsonNode system = object.get("system");
            if (system != null && system.isString() && SYSTEM_ALIASES.containsKey(system.asString())) {
                object.put("system", SYSTEM_ALIASES.get(system.asString()));
            }
        }
        node.forEach(Scenarios::expandSystems);
    }
}
