package org.ketaminecds.rules;

import java.util.Map;

/**
 * One compiled rule.
 *
 * @param id the knowledge-base rule id from {@code @id}, for example {@code A01}
 * @param name the rule name, {@code "<ID> <sentence>"}
 * @param file the DRL file, relative to the rules directory
 * @param metadata every {@code @key(value)} of the rule, for example {@code evidence -> SPR-PI}
 */
public record RuleInfo(String id, String name, String file, Map<String, String> metadata) {
}
