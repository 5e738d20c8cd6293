package org.ketaminecds.facts;

import java.util.List;
import java.util.Set;

/**
 * An AllergyIntolerance.
 *
 * @param sourceRef {@code AllergyIntolerance/<id>}
 * @param codes codings of {@code AllergyIntolerance.code}
 * @param text {@code code.text} (at most 1,000 characters; longer text is cut)
 * @param clinicalStatus {@code active}, {@code inactive}, {@code resolved} or null
 * @param verificationStatus {@code unconfirmed}, {@code confirmed}, {@code refuted}, {@code entered-in-error} or null
 * @param criticality {@code low}, {@code high}, {@code unable-to-assess} or null
 * @param reactions the reaction manifestations as text (for example {@code nausea}), may be empty
 * @param matches value-set classification
 */
public record Allergy(String sourceRef, List<Code> codes, String text, String clinicalStatus,
        String verificationStatus, String criticality, List<String> reactions, List<ValueSetMatch> matches)
        implements Coded {

    public Allergy {
        codes = Classification.codes(codes);
        text = Classification.text(text);
        reactions = reactions == null ? List.of() : reactions.stream().map(Classification::text).toList();
        matches = Classification.copy(matches);
    }

    /** Not refuted and not entered in error. */
    public boolean relevant() {
        return !"refuted".equals(verificationStatus) && !"entered-in-error".equals(verificationStatus);
    }

    @Override
    public Set<String> valueSets() {
        return Classification.ids(matches);
    }

    @Override
    public Allergy classified(List<ValueSetMatch> newMatches) {
        return new Allergy(sourceRef, codes, text, clinicalStatus, verificationStatus, criticality, reactions,
                newMatches);
    }

    @Override
    public String label() {
        return Classification.firstLabel(text, codes, "allergy");
    }
}
