package org.ketaminecds.rules;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.ketaminecds.common.CanonicalJson;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * JSON scenarios ({@code <topic>/scenarios/*.json}): a whole CDS Hooks request, decided by the service's own
 * parsing, mapping and rendering ({@link HookDecider}) with a fixed evaluation date, and the cards it must give.
 * See {@code docs/rule-authoring.md} for the format.
 */
public final class RequestScenarios {

    private RequestScenarios() {
    }

    /** Every JSON scenario file under {@code dir}, sorted by path. */
    public static List<Path> files(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(p -> p.getParent() != null && p.getParent().getFileName().toString().equals("scenarios"))
                    .filter(p -> p.toString().endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A JSON scenario file, read; {@code problems} says what is missing from it. */
    private record Parsed(Scenario scenario, Instant now, String service, ObjectNode request,
            JsonNode expectedResponse, List<String> problems) {

        boolean runnable() {
            return now != null && request != null;
        }

        /** {@code service}, by default {@code ketamine-<hook>}. */
        String serviceId() {
            return service != null ? service : "ketamine-" + request.path("hook").asString();
        }
    }

    /** The rules a JSON scenario fires, for coverage; empty when it cannot run. */
    record Run(Scenario scenario, List<FiredRule> fired) {
    }

    /** Runs one JSON scenario; a file that does not parse throws {@link RulePackException} with its line. */
    public static ScenarioResult run(Path dir, Path file, RulePack pack, HookDecider decider) {
        Parsed parsed = parse(dir, file);
        Scenario scenario = parsed.scenario();
        List<String> problems = new ArrayList<>(parsed.problems());
        if (!parsed.runnable()) {
            return new ScenarioResult(scenario.file(), scenario.name(), false, problems, Map.of(), List.of());
        }
        HookDecider.Decided decided;
        try {
            decided = decider.decide(parsed.serviceId(), parsed.request(), parsed.now(), pack);
        } catch (IllegalArgumentException e) {
            problems.add("the request is refused: " + e.getMessage());
            return new ScenarioResult(scenario.file(), scenario.name(), false, problems, Map.of(), List.of());
        }
        List<String> fired = decided.fired().stream().map(FiredRule::ruleId).distinct().toList();
        problems.addAll(Scenarios.check(scenario, decided.cards(), fired));
        JsonNode expected = parsed.expectedResponse();
        if (expected != null && !Replay.withoutUuids(expected).equals(Replay.withoutUuids(decided.response()))) {
            problems.add("expected response " + Replay.withoutUuids(expected) + " but got " + Replay.withoutUuids(decided.response()));
        }
        return new ScenarioResult(scenario.file(), scenario.name(), problems.isEmpty(), problems, decided.cards(),
                fired);
    }

    static Optional<Run> firedRules(Path dir, Path file, RulePack pack, HookDecider decider) {
        try {
            Parsed parsed = parse(dir, file);
            if (!parsed.runnable()) {
                return Optional.empty();
            }
            return Optional.of(new Run(parsed.scenario(),
                    decider.decide(parsed.serviceId(), parsed.request(), parsed.now(), pack).fired()));
        } catch (IllegalArgumentException | RulePackException e) {
            return Optional.empty();
        }
    }

    private static Parsed parse(Path dir, Path file) {
        String rel = dir.relativize(file).toString().replace('\\', '/');
        JsonNode tree;
        try {
            tree = CanonicalJson.parse(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (JacksonException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new RulePackException(List.of(new RuleMessage(rel, line, null, "ERROR",
                    "scenario does not parse: " + e.getOriginalMessage())));
        }
        Scenario scenario = Scenarios.expectations(rel, tree.path("name").asString(rel), null, tree.path("expect"));
        List<String> problems = new ArrayList<>();
        Instant now = null;
        try {
            now = Instant.parse(tree.path("evaluationDate").asString(""));
        } catch (DateTimeParseException e) {
            problems.add("evaluationDate (the fixed evaluation instant, for example 2026-03-02T09:00:00Z) is required");
        }
        ObjectNode request = tree.get("request") instanceof ObjectNode object ? object : null;
        if (request == null) {
            problems.add("request (the CDS Hooks request object) is required");
        }
        JsonNode expectedResponse = tree.path("expect").get("response");
        if (Scenarios.expectsNothing(scenario) && expectedResponse == null) {
            problems.add("the scenario has no expectation (expect.cards, includes, excludes, fires or response)");
        }
        String service = tree.has("service") ? tree.get("service").asString() : null;
        return new Parsed(scenario, now, service, request, expectedResponse, problems);
    }
}
