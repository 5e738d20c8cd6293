package org.ketaminecds.facts;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * A FHIR Condition (problem-list item, diagnosis or health concern).
 *
 * @param sourceRef {@code Condition/<id>}
 * @param codes codings of {@code Condition.code}
 * @param text {@code Condition.code.text} (at most 1,000 characters; longer text is cut)
 * @param clinicalStatus {@code active}, {@code recurrence}, {@code relapse}, {@code inactive},
 *     {@code remission}, {@code resolved}, or null when absent
 * @param verificationStatus {@code unconfirmed}, {@code provisional}, {@code differential}, {@code confirmed},
 *     {@code refuted}, {@code entered-in-error}, or null when absent
 * @param onset onset date ({@code onsetDateTime} or {@code onsetPeriod.start}), may be null
 * @param recorded {@code recordedDate}, may be null
 * @param daysSinceOnset days from onset (or, without an onset, the recorded date) to the evaluation date;
 *     null when both are unknown
 * @param matches value-set classification
 */
public record Diagnosis(String sourceRef, List<Code> codes, String text, String clinicalStatus,
        String verificationStatus, LocalDate onset, LocalDate recorded, Integer daysSinceOnset,
        List<ValueSetMatch> matches) implements Coded {

    public Diagnosis {
        codes = Classification.codes(codes);
        text = Classification.text(text);
        matches = Classification.copy(matches);
    }

    /**
     * "Active" per the knowledge base: clinicalStatus active, recurrence or relapse (or absent), and not
     * refuted or entered in error.
     */
    public boolean active() {
        boolean clinicallyActive = clinicalStatus == null || clinicalStatus.equals("active")
                || clinicalStatus.equals("recurrence") || clinicalStatus.equals("relapse");
        return clinicallyActive && !refuted();
    }

    /** "Ever" per the knowledge base: any clinical status (history counts), but not refuted or entered in error. */
    public boolean ever() {
        return !refuted();
    }

    /** Refuted or entered in error: such a record says nothing about the patient. */
    public boolean refuted() {
        return "refuted".equals(verificationStatus) || "entered-in-error".equals(verificationStatus);
    }

    @Override
    public Set<String> valueSets() {
        return Classification.ids(matches);
    }

    @Override
    public Diagnosis classified(List<ValueSetMatch> newMatches) {
        return new Diagnosis(sourceRef, codes, text, clinicalStatus, verificationStatus, onset, recorded,
                daysSinceOnset, newMatches);
    }

    @Override
    public String label() {
        return Classification.firstLabel(text, codes, "condition");
    }
}
