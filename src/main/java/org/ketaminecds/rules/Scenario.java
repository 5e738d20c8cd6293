package org.ketaminecds.rules;

import java.util.List;
import java.util.Map;
import org.ketaminecds.facts.FactSet;

/**
 * A rule scenario: facts written in the fact vocabulary with a fixed evaluation instant, and the cards they
 * must produce. See {@code docs/rule-authoring.md} for the format.
 *
 * @param file path of the scenario file, relative to the rules directory
 * @param name what the scenario shows, as a sentence
 * @param facts the facts
 * @param cards exact expectation: these cards (rule id to indicator) and no other; null when not used
 * @param includes these cards must be among the results (rule id to indicator); may be empty
 * @param excludes these rule ids must produce no card; may be empty
 * @param fires these rule ids must fire (whether or not they produce a card, as for B16); may be empty
 */
public record Scenario(String file, String name, FactSet facts, Map<String, String> cards,
        Map<String, String> includes, List<String> excludes, List<String> fires) {
}
