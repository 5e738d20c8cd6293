package org.ketaminecds.rules;

/**
 * A problem found while building or linting a rule pack.
 *
 * @param file path relative to the rules directory, for example {@code suitability/A01.drl}
 * @param line 1-based line, 0 when unknown
 * @param rule the rule concerned, may be null
 * @param level {@code ERROR} or {@code WARNING}
 * @param text what is wrong
 */
public record RuleMessage(String file, int line, String rule, String level, String text) {

    public boolean error() {
        return "ERROR".equals(level);
    }

    /** {@code file:line: rule: message}, the format editors and CI logs understand. */
    @Override
    public String toString() {
        return (file == null ? "<pack>" : file) + ":" + line + ": " + (rule == null ? "-" : rule) + ": " + text;
    }
}
