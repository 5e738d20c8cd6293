package org.ketaminecds.fhir;

import java.time.Instant;
import java.util.Optional;
import org.hl7.fhir.r4.model.MedicationAdministration;
import org.hl7.fhir.r4.model.Quantity;
import org.ketaminecds.facts.Product;
import org.ketaminecds.facts.TreatmentDose;

/** MedicationAdministration of the index drug to a {@link org.ketaminecds.facts.TreatmentDose}. */
final class MedicationAdministrationMapper {
    private MedicationAdministrationMapper() {
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
