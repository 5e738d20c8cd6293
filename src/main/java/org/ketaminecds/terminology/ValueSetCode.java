package org.ketaminecds.terminology;

/**
 * One code of a value set.
 *
 * @param system the code system URI (one of {@link CodeSystems#allowed()})
 * @param code the code; with {@code match: prefix} a class code that matches every code starting with it
 *     (ATC {@code N05BA}, ICD-10-CM {@code I71})
 * @param display the concept's name
 * @param match {@code exact} (default) or {@code prefix}
 * @param verified where the code was verified, from the knowledge base's status column
 */
public record ValueSetCode(String system, String code, String display, String match, String verified) {

    /** True when this entry is a class code that matches by prefix. */
    public boolean prefix() {
        return "prefix".equals(match);
    }
}
