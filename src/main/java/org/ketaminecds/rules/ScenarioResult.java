package org.ketaminecds.rules;

import java.util.List;
import java.util.Map;

/**
 * The outcome of one scenario.
 *
 * @param file the scenario file
 * @param name the scenario's name
 * @param passed true when every expectation held
 * @param problems what did not hold, one line each
 * @param cards the cards produced: rule id to indicator
 * @param fired the ids of the rules that fired
 */
public record ScenarioResult(String file, String name, boolean passed, List<String> problems,
        Map<String, String> cards, List<String> fired) {
}
