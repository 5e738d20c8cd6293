package org.ketaminecds.fhir;

import java.util.List;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.ketaminecds.facts.DataGap;
import org.ketaminecds.facts.Medication;

/** MedicationRequest to a {@link org.ketaminecds.facts.Medication}. */
final class MedicationRequestMapper {
    private MedicationRequestMapper() {
    }

    /** A MedicationRequest; a gap when it names no medication. */
    static Object request(MedicationRequest request, PatientData data) {
        MedicationConcept concept = MedicationConcept.of(request.hasMedication() ? request.getMedication() : null,
                request, data);
        if (concept.empty()) {
            return new DataGap(FhirValues.ref(request), "MedicationRequest names no medication");
        }
        var validity = request.hasDispenseRequest() && request.getDispenseRequest().hasValidityPeriod()
                ? request.getDispenseRequest().getValidityPeriod() : null;
        return new Medication(FhirValues.ref(request), concept.codes(), concept.text(),
                FhirValues.code(request.getStatusElement()),
                request.hasAuthoredOn() ? FhirValues.date(request.getAuthoredOnElement()) : FhirValues.startDate(validity),
                FhirValues.endDate(validity), false, List.of());
    }
}
