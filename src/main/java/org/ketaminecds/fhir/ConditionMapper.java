package org.ketaminecds.fhir;

import java.util.List;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Period;
import org.ketaminecds.facts.Diagnosis;

/** Condition to a {@link org.ketaminecds.facts.Diagnosis}. */
final class ConditionMapper {
    private ConditionMapper() {
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
}
