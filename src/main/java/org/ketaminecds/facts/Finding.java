package org.ketaminecds.facts;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a decision rule concluded. A rule's consequence only inserts findings, with {@code insertLogical}, so a
 * finding disappears again when the facts that justified it stop holding (this is how A06 suppresses A05).
 * Findings of one rule are merged into one card listing every subject.
 *
 * <pre>
 * insertLogical(Finding.of("B01", Indicator.WARNING).about($med, "benzodiazepines"));
 * </pre>
 *
 * @param ruleId the knowledge-base rule id, for example {@code B01}
 * @param indicator the card urgency this finding asks for
 * @param subjects the facts that triggered it, with how each matched: at most {@link #MAX_SUBJECTS}
 * @param values named values shown on the card, for example {@code bp -> 152/94 mmHg}
 * @param moreSubjects how many further triggering facts were named but not kept (beyond {@link #MAX_SUBJECTS})
 */
public record Finding(String ruleId, Indicator indicator, List<Subject> subjects, Map<String, String> values,
        int moreSubjects) {

    /**
     * The most subjects a finding keeps. A rule that names every matching fact (C04 names each low SpO2 reading)
     * would otherwise copy a growing list once per fact, quadratic in the facts, and carry them all into its card.
     */
    public static final int MAX_SUBJECTS = 50;

    public Finding {
        subjects = List.copyOf(subjects);
        // Insertion order, not Map.copyOf: its iteration order changes from one JVM to the next, and the card
        // detail lists the values in this order, so a replay after a restart would render different text.
        values = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /** A finding with all its subjects kept. */
    public Finding(String ruleId, Indicator indicator, List<Subject> subjects, Map<String, String> values) {
        this(ruleId, indicator, subjects, values, 0);
    }

    /** A finding of the given rule with no subject yet. */
    public static Finding of(String ruleId, Indicator indicator) {
        return new Finding(ruleId, indicator, List.of(), Map.of());
    }

    /** The same finding, also naming {@code fact} as a trigger. */
    public Finding about(Fact fact) {
        return about(fact, null);
    }

    /**
     * The same finding, also naming {@code fact} as a trigger and how it matched {@code valueSet} (without a value
     * set: how it matched the first value set it belongs to).
     */
    public Finding about(Fact fact, String valueSet) {
        if (subjects.size() >= MAX_SUBJECTS) {
            return new Finding(ruleId, indicator, subjects, values, moreSubjects + 1);
        }
        String matchedBy = null;
        if (fact instanceof Coded coded) {
            matchedBy = valueSet != null ? coded.matchedBy(valueSet)
                    : coded.matches().stream().map(ValueSetMatch::matchedOn).findFirst().orElse(null);
        }
        List<Subject> more = new ArrayList<>(subjects);
        more.add(new Subject(fact.sourceRef(), fact.label(), matchedBy));
        return new Finding(ruleId, indicator, more, values, moreSubjects);
    }

    /** The same finding with a named value for the card, for example the blood pressure reading. */
    public Finding with(String key, Object value) {
        Map<String, String> more = new LinkedHashMap<>(values);
        more.put(key, String.valueOf(value));
        return new Finding(ruleId, indicator, subjects, more, moreSubjects);
    }

    /** The same finding showing a local-policy threshold on its card. */
    public Finding with(Threshold threshold) {
        return with("policy:" + threshold.key(), threshold.display() + " (" + threshold.description() + ")");
    }

    /**
     * A fact that triggered a finding.
     *
     * @param sourceRef the FHIR resource, for example {@code MedicationStatement/123}
     * @param label what it is, for example {@code lorazepam 1 mg}
     * @param matchedBy how it matched the rule's value set, for example {@code RxNorm 6470}; may be null
     */
    public record Subject(String sourceRef, String label, String matchedBy) {
    }
}
