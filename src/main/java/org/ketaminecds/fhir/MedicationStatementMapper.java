package org.ketaminecds.fhir;

import java.util.List;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.ketaminecds.facts.DataGap;
import org.ketaminecds.facts.Medication;

/** MedicationStatement to a {@link org.ketaminecds.facts.Medication}; whether it is current is decided later, against the evaluation date. */
final class MedicationStatementMapper {
    private MedicationStatementMapper() {
    }

    /** A MedicationStatement; a gap when it names no medication. */
    static Object statement(MedicationStatement statement, PatientData data) {
        MedicationConcept concept = MedicationConcept.of(statement.hasMedication() ? statement.getMedication() : null,
                statement, data);
        if (concept.empty()) {
            return new DataGap(FhirValues.ref(statement), "MedicationStatement names no medication");
        }
        var effective = statement.hasEffective() ? statement.getEffective() : null;
        return new Medication(FhirValues.ref(statement), concept.codes(), concept.text(),
                FhirValues.code(statement.getStatusElement()), FhirValues.startDate(effective),
                FhirValues.endDate(effective), false, List.of());
    }
}
