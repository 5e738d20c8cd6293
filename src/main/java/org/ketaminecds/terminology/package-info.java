/**
 * Value sets and code matching. A value set is one YAML file under {@code rules/valuesets/} listing codes
 * (each with its system, display and where it was verified) and ingredient names. {@link
 * org.ketaminecds.terminology.ValueSets} classifies coded facts: by exact code, by class (an ATC group or an
 * ICD-10-CM category matched as a prefix), or by ingredient name found as a whole word in a coding's display or
 * the text, and records which way each matched.
 */
package org.ketaminecds.terminology;
