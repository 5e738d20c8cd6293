package org.ketaminecds.facts;

/**
 * Why a fact belongs to a value set: which value set, which way it matched and on what.
 *
 * @param valueSet the value set id, for example {@code benzodiazepines}
 * @param method {@code code} (exact code), {@code class} (a class code such as an ATC group or ICD-10-CM
 *     category matched as a prefix) or {@code name} (an ingredient name found in display or text)
 * @param matchedOn what matched, for example {@code RxNorm 6470} or {@code name "lorazepam"}
 */
public record ValueSetMatch(String valueSet, String method, String matchedOn) {
}
