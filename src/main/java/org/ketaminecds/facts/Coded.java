package org.ketaminecds.facts;

import java.util.List;
import java.util.Set;

/** A fact with codes that the rule pack's value sets classify. */
public interface Coded extends Fact {
    /** The codings as sent. */
    List<Code> codes();

    /** Free text as sent ({@code CodeableConcept.text} or a Medication's name), may be null. */
    String text();

    /** Ids of the value sets this fact belongs to; empty until classified. Use {@code valueSets contains "x"}. */
    Set<String> valueSets();

    /** How each value set matched; empty until classified. */
    List<ValueSetMatch> matches();

    /** A copy of this fact with its classification. */
    Coded classified(List<ValueSetMatch> matches);

    /** How this fact matched the given value set, for example {@code RxNorm 6470}; null when it did not. */
    default String matchedBy(String valueSet) {
        return matches().stream().filter(m -> m.valueSet().equals(valueSet))
                .map(ValueSetMatch::matchedOn).findFirst().orElse(null);
    }
}
