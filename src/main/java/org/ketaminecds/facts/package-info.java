/**
 * The fact model rule authors write DRL against: small immutable records with no Spring, HAPI or Jackson
 * types. Every fact that comes from a FHIR resource keeps its {@code sourceRef} (for example
 * {@code MedicationStatement/123}) so a card and its audit record trace back to the data that triggered it.
 *
 * <p>Facts arrive "raw" from the FHIR mapping and are then classified against the rule pack's value sets
 * ({@link org.ketaminecds.facts.Coded#valueSets()}); the classified facts are what the rules see and what the
 * audit snapshot records. Times are never read from a clock inside a rule: the {@link Evaluation} fact carries
 * the evaluation instant, and time-relative fields (for example {@code minutesBefore}) are computed against it.
 */
package org.ketaminecds.facts;
