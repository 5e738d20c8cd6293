package org.ketaminecds.fhir;

import org.ketaminecds.facts.Patient;

/** Patient to the {@link Patient} fact. */
final class PatientMapper {
    private PatientMapper() {
    }

    static Patient patient(org.hl7.fhir.r4.model.Patient patient) {
        return new Patient(FhirValues.ref(patient), patient.hasBirthDate() ? FhirValues.date(patient.getBirthDateElement())
                : null, null, FhirValues.code(patient.getGenderElement()));
    }
}
