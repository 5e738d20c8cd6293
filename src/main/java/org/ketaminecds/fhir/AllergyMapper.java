package org.ketaminecds.fhir;

import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.r4.model.AllergyIntolerance;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.ketaminecds.facts.Allergy;

/** AllergyIntolerance to an {@link org.ketaminecds.facts.Allergy}. */
final class AllergyMapper {
    private AllergyMapper() {
    }

    static Allergy allergy(AllergyIntolerance allergy) {
        CodeableConcept code = allergy.hasCode() ? allergy.getCode() : null;
        List<String> reactions = new ArrayList<>();
        for (var reaction : allergy.getReaction()) {
            for (CodeableConcept manifestation : reaction.getManifestation()) {
                String text = FhirValues.text(manifestation);
                if (text == null && manifestation.hasCoding() && manifestation.getCodingFirstRep().hasDisplay()) {
                    text = manifestation.getCodingFirstRep().getDisplay();
                }
                if (text != null) {
                    reactions.add(text);
                }
            }
        }
        return new Allergy(FhirValues.ref(allergy), FhirValues.codes(code), FhirValues.text(code),
                allergy.hasClinicalStatus() ? FhirValues.firstCode(allergy.getClinicalStatus()) : null,
                allergy.hasVerificationStatus() ? FhirValues.firstCode(allergy.getVerificationStatus()) : null,
                FhirValues.code(allergy.getCriticalityElement()), reactions, List.of());
    }
}
