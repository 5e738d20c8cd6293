package org.ketaminecds.rules;

import java.util.List;
import org.ketaminecds.facts.FactSet;
import org.ketaminecds.facts.Finding;

/**
 * The result of evaluating one fact set with one rule pack.
 *
 * @param packVersion the content hash of the pack that evaluated
 * @param facts the facts the rules saw (timed and classified): the audit's fact snapshot
 * @param findings the findings that held at the end, in a stable order (rule id, then insertion)
 * @param fired the rules that fired, in firing order
 */
public record RuleOutcome(String packVersion, FactSet facts, List<Finding> findings, List<FiredRule> fired) {
}
