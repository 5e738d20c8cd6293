package org.ketaminecds.fhir;

import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.r4.model.AllergyIntolerance;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Period;
import org.ketaminecds.facts.Allergy;
import org.ketaminecds.facts.Diagnosis;
import org.ketaminecds.facts.Patient;
import org.ketaminecds.facts.Visit;

/** Patient, Condition, AllergyIntolerance and Encounter to facts: one small method per resource type. */
final class ClinicalMappers {
    private ClinicalMappers() {
    }

    static Patient patient(org.hl7.fhir.r4.model.Patient patient) {
        return new Patient(FhirValues.ref(patient), patient.hasBirthDate() ? FhirValues.date(patient.getBirthDateElement())
                : null, null, FhirValues.code(patient.getGenderElement()));
    }

    static Diagnosis condition(Condition condition) {
        CodeableConcept code = condition.hasCode() ? condition.getCode() : null;
        var onset = condition.hasOnset() && condition.getOnset() instanceof DateTimeType dt ? FhirValues.date(dt)
                : condition.hasOnset() && condition.getOnset() instanceof Period p && p.hasStart()
                        ? FhirValues.date(p.getStartElement()) : null;
        return new Diagnosis(FhirValues.ref(condition), FhirValues.codes(code), FhirValues.text(code),
                condition.hasClinicalStatus() ? FhirValues.firstCode(condition.getClinicalStatus()) : null,
                condition.hasVerificationStatus() ? FhirValues.firstCode(condition.getVerificationStatus()) : null,
                onset, condition.hasRecordedDate() ? FhirValues.date(condition.getRecordedDateElement()) : null, null,
                List.of());
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

    static Visit encounter(Encounter encounter) {
        Period period = encounter.hasPeriod() ? encounter.getPeriod() : null;
        return new Visit(FhirValues.ref(encounter), FhirValues.code(encounter.getStatusElement()),
                period != null && period.hasStart() ? FhirValues.instant(period.getStartElement()) : null,
                period != null && period.hasEnd() ? FhirValues.instant(period.getEndElement()) : null);
    }
}
