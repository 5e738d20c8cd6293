package org.ketaminecds.rules;

import java.util.List;

/**
 * A rule that fired during an evaluation, for the audit record.
 *
 * @param ruleId the rule's {@code @id}
 * @param name the rule name
 * @param matched the facts it matched, as source references ({@code MedicationStatement/12}) or fact types
 */
public record FiredRule(String ruleId, String name, List<String> matched) {
}
