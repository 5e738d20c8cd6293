package org.ketaminecds.fhir;

import java.util.List;
import java.util.Optional;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.DomainResource;
import org.hl7.fhir.r4.model.Medication;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.Type;
import org.ketaminecds.facts.Code;

/**
 * The medication of a MedicationStatement, MedicationRequest or MedicationAdministration, whichever way it is
 * given: {@code medicationCodeableConcept}, or {@code medicationReference} to a contained Medication, to a
 * Medication in prefetch or {@code draftOrders}, or (failing those) the reference's display text.
 *
 * @param codes the codings
 * @param text the text or name
 */
record MedicationConcept(List<Code> codes, String text) {

    static MedicationConcept of(Type medication, DomainResource owner, PatientData data) {
        if (medication instanceof CodeableConcept concept) {
            return new MedicationConcept(FhirValues.codes(concept), FhirValues.text(concept));
        }
        if (medication instanceof Reference reference) {
            Optional<Medication> resolved = contained(reference, owner)
                    .or(() -> data == null ? Optional.empty() : data.medication(reference.getReference()));
            if (resolved.isPresent() && resolved.get().hasCode()) {
                CodeableConcept code = resolved.get().getCode();
                String text = FhirValues.text(code);
                return new MedicationConcept(FhirValues.codes(code),
                        text != null ? text : reference.hasDisplay() ? reference.getDisplay() : null);
            }
            return new MedicationConcept(List.of(), reference.hasDisplay() ? reference.getDisplay() : null);
        }
        return new MedicationConcept(List.of(), null);
    }

    private static Optional<Medication> contained(Reference reference, DomainResource owner) {
        if (!reference.hasReference() || !reference.getReference().startsWith("#")) {
            return Optional.empty();
        }
        String id = reference.getReference().substring(1);
        for (Resource resource : owner.getContained()) {
            String containedId = resource.getIdElement().getIdPart();
            if (resource instanceof Medication medication && containedId != null
                    && (containedId.equals(id) || containedId.equals("#" + id))) {
                return Optional.of(medication);
            }
        }
        return Optional.empty();
    }

    boolean empty() {
        return codes.isEmpty() && (text == null || text.isBlank());
    }
}
