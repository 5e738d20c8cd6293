package org.ketaminecds.facts;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * A medication the patient takes or is prescribed: from a MedicationStatement or a MedicationRequest.
 * The treatment being evaluated (ketamine or esketamine) is not a Medication fact; see {@link Evaluation}.
 *
 * @param sourceRef {@code MedicationStatement/<id>} or {@code MedicationRequest/<id>}
 * @param codes codings of the medication (from {@code medicationCodeableConcept} or the referenced Medication)
 * @param text the medication's text or name, for example {@code Alprazolam 1 MG Oral Tablet} (at most 1,000
 *     characters; longer text is cut)
 * @param status the resource status as sent
 * @param start start of the effective period or the authored date, may be null
 * @param end end of the effective period, may be null
 * @param current true when the medication counts as current on the evaluation date (knowledge base §7:
 *     MedicationStatement active, intended or on-hold whose period overlaps the evaluation date;
 *     MedicationRequest active)
 * @param matches value-set classification
 */
public record Medication(String sourceRef, List<Code> codes, String text, String status, LocalDate start,
        LocalDate end, boolean current, List<ValueSetMatch> matches) implements Coded {

    public Medication {
        codes = Classification.codes(codes);
        text = Classification.text(text);
        matches = Classification.copy(matches);
    }

    @Override
    public Set<String> valueSets() {
        return Classification.ids(matches);
    }

    @Override
    public Medication classified(List<ValueSetMatch> newMatches) {
        return new Medication(sourceRef, codes, text, status, start, end, current, newMatches);
    }

    @Override
    public String label() {
        return Classification.firstLabel(text, codes, "medication");
    }
}
