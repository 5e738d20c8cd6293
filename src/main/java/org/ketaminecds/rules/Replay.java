package org.ketaminecds.rules;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.ketaminecds.common.CanonicalJson;
import org.ketaminecds.facts.FactSet;
import tools.jackson.databind.JsonNode;

/**
 * What-if replay: re-evaluates the fact snapshot of a recorded decision with another rule pack and compares the
 * cards, one card per rule id ({@code source.topic.code}) with its indicator.
 */
public final class Replay {
    private Replay() {
    }

    /**
     * A recorded decision, as much of it as a replay needs.
     *
     * @param id the decision id
     * @param recordedAt when it was recorded
     * @param serviceId the CDS service called
     * @param patientId the patient, for rendering suggestions
     * @param packVersion the version of the pack that decided
     * @param factsJson the fact snapshot ({@link FactSnapshot})
     * @param cardsJson the cards returned
     */
    public record Recorded(String id, Instant recordedAt, String serviceId, String patientId, String packVersion,
            String factsJson, String cardsJson) {
    }

    /**
     * A card whose presence or indicator differs.
     *
     * @param ruleId the rule id ({@code source.topic.code})
     * @param before the recorded indicator, null when there was no card
     * @param after the replayed indicator, null when there is no card
     */
    public record Change(String ruleId, String before, String after) {
    }

    /**
     * One decision replayed.
     *
     * @param decisionId the decision id
     * @param serviceId its service
     * @param recordedAt when it was recorded
     * @param recordedPack the pack version that decided
     * @param replayPack the pack version that replayed
     * @param added cards the replay adds
     * @param removed cards the replay no longer gives
     * @param changed cards whose indicator changes
     */
    public record Result(String decisionId, String serviceId, Instant recordedAt, String recordedPack,
            String replayPack, List<Change> added, List<Change> removed, List<Change> changed) {

        public boolean differs() {
            return !added.isEmpty() || !removed.isEmpty() || !changed.isEmpty();
        }
    }

    /**
     * The changes one rule id makes over a replay.
     *
     * @param ruleId the rule id
     * @param added decisions that gain its card
     * @param removed decisions that lose its card
     * @param changed decisions where its card changes indicator
     */
    public record RuleTotal(String ruleId, int added, int removed, int changed) {
    }

    /** The fact snapshot of a decision, read back into today's fact model whatever format it was written in. */
    public static FactSet facts(String factsJson) {
        return FactSnapshot.read(factsJson);
    }

    /** Card and suggestion uuids are fresh on every rendering; two renderings compare equal without them. */
    public static JsonNode withoutUuids(JsonNode cards) {
        return CanonicalJson.without(cards, "uuid");
    }

    /** Re-evaluates the decision's facts with {@code pack}. */
    public static RuleOutcome evaluate(Recorded decision, RulePack pack) {
        return pack.evaluate(facts(decision.factsJson()));
    }

    /** Re-evaluates the decision's facts with {@code pack} and compares the cards by rule id and indicator. */
    public static Result replay(Recorded decision, RulePack pack) {
        Map<String, String> after = Scenarios.cards(evaluate(decision, pack).findings());
        return compare(decision, pack.version(), cards(CanonicalJson.parse(decision.cardsJson())), after);
    }

    /** The cards of a CDS Hooks card list as rule id to indicator. */
    public static Map<String, String> cards(JsonNode cards) {
        Map<String, String> byRule = new TreeMap<>();
        for (JsonNode card : cards) {
            byRule.put(card.path("source").path("topic").path("code").asString(), card.path("indicator").asString());
        }
        return byRule;
    }

    /** The differences between recorded and replayed cards (rule id to indicator). */
    public static Result compare(Recorded decision, String replayPack, Map<String, String> before, Map<String, String> after) {
        List<Change> added = new ArrayList<>();
        List<Change> removed = new ArrayList<>();
        List<Change> changed = new ArrayList<>();
        TreeSet<String> ids = new TreeSet<>(before.keySet());
        ids.addAll(after.keySet());
        for (String id : ids) {
            String was = before.get(id);
            String now = after.get(id);
            if (was == null) {
                added.add(new Change(id, null, now));
            } else if (now == null) {
                removed.add(new Change(id, was, null));
            } else if (!was.equals(now)) {
                changed.add(new Change(id, was, now));
            }
        }
        return new Result(decision.id(), decision.serviceId(), decision.recordedAt(), decision.packVersion(),
                replayPack, List.copyOf(added), List.copyOf(removed), List.copyOf(changed));
    }

    /** Per rule id, how many decisions gain, lose or change its card. */
    public static List<RuleTotal> totals(List<Result> results) {
        Map<String, int[]> counts = new TreeMap<>();
        for (Result result : results) {
            result.added().forEach(c -> counts.computeIfAbsent(c.ruleId(), k -> new int[3])[0]++);
            result.removed().forEach(c -> counts.computeIfAbsent(c.ruleId(), k -> new int[3])[1]++);
            result.changed().forEach(c -> counts.computeIfAbsent(c.ruleId(), k -> new int[3])[2]++);
        }
        return counts.entrySet().stream()
                .map(e -> new RuleTotal(e.getKey(), e.getValue()[0], e.getValue()[1], e.getValue()[2])).toList();
    }
}
