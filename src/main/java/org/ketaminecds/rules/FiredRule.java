package org.ketaminecds.rules;

import java.util.List;

/**
 * A rule that fired during an evaluation, for the audit record. At most {@link #MAX_LISTED} firings of one rule are
 * listed; the last one listed counts the others, so a rule firing once per fact of a large request does not grow
 * the record (or the index rows derived from it) with every fact.
 *
 * @param ruleId the rule's {@code @id}
 * @param name the rule name
 * @param matched the facts it matched, as source references ({@code MedicationStatement/12}) or fact types
 * @param moreFirings on the last listed firing of a rule: how many more times it fired; null otherwise
 */
public record FiredRule(String ruleId, String name, List<String> matched, Integer moreFirings) {
    /** The most firings of one rule listed in an evaluation's record. */
    public static final int MAX_LISTED = 20;

    /** A firing, listed. */
    public FiredRule(String ruleId, String name, List<String> matched) {
        this(ruleId, name, matched, null);
    }
}
