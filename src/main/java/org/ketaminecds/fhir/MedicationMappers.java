package org.ketaminecds.fhir;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.r4.model.MedicationAdministration;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.Quantity;
import org.ketaminecds.facts.DataGap;
import org.ketaminecds.facts.Medication;
import org.ketaminecds.facts.Product;
import org.ketaminecds.facts.TreatmentDose;

/**
 * MedicationStatement and MedicationRequest to {@link Medication} facts; MedicationAdministration of the index
 * drug to {@link TreatmentDose}. Whether a medication is current is decided later, against the evaluation date.
 */
final class MedicationMappers {
    private MedicationMappers() {
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

    /** A completed or in-progress administration of ketamine or esketamine; empty for anything else. */
    static Optional<TreatmentDose> administration(MedicationAdministration administration, PatientData data,
            IndexDrugs indexDrugs) {
        String status = FhirValues.code(administration.getStatusElement());
        if (status != null && !status.equals("completed") && !status.equals("in-progress")) {
            return Optional.empty();
        }
        MedicationConcept concept = MedicationConcept.of(administration.hasMedication()
                ? administration.getMedication() : null, administration, data);
        Optional<Product> product = indexDrugs.product(concept);
        Instant at = administration.hasEffective() ? FhirValues.start(administration.getEffective()) : null;
        if (product.isEmpty() || at == null) {
            return Optional.empty();
        }
        Double dose = administration.hasDosage() && administration.getDosage().hasDose()
                ? milligrams(administration.getDosage().getDose()) : null;
        return Optional.of(new TreatmentDose(FhirValues.ref(administration), product.get(), at,
                FhirValues.end(administration.getEffective()), dose, status, 0));
    }

    /** The dose in mg when the quantity is in mg (UCUM or plain unit); null otherwise. */
    static Double milligrams(Quantity quantity) {
        if (quantity == null || !quantity.hasValue()) {
            return null;
        }
        String unit = quantity.hasCode() ? quantity.getCode() : quantity.hasUnit() ? quantity.getUnit() : null;
        return "mg".equalsIgnoreCase(unit) ? quantity.getValue().doubleValue() : null;
    }
}
