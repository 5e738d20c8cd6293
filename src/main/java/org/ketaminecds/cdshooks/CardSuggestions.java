package org.ketaminecds.cdshooks;

import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.ketaminecds.common.CanonicalJson;
import org.ketaminecds.cdshooks.WireTypes.ActionJson;
import org.ketaminecds.cdshooks.WireTypes.SuggestionJson;
import org.ketaminecds.facts.Evaluation;
import org.ketaminecds.facts.Indicator;
import org.ketaminecds.fhir.FhirJson;
import org.ketaminecds.rules.CatalogueEntry;

/**
 * The suggestions decisions.md calls for: on a critical card about a draft order, remove that order (a delete
 * action with {@code resourceId}); on a data-gap card (a catalogue entry with {@code collect}), create a
 * ServiceRequest for what is missing.
 */
final class CardSuggestions {
    private final Supplier<UUID> uuids;
    private final FhirJson fhirJson;

    CardSuggestions(Supplier<UUID> uuids, FhirJson fhirJson) {
        this.uuids = uuids;
        this.fhirJson = fhirJson;
    }

    List<SuggestionJson> forCard(CatalogueEntry entry, Indicator indicator, Evaluation evaluation, String product,
            String patientId) {
        if (indicator == Indicator.CRITICAL && evaluation.draftOrder() && evaluation.treatmentRef() != null) {
            return List.of(new SuggestionJson("Remove the draft " + product + " order", uuids.get().toString(), null,
                    List.of(new ActionJson("delete", "Remove the draft " + product + " order ("
                            + evaluation.treatmentRef() + ")", null, evaluation.treatmentRef()))));
        }
        if (entry.collect() != null && !entry.collect().isBlank()) {
            ServiceRequest request = new ServiceRequest()
                    .setStatus(ServiceRequest.ServiceRequestStatus.DRAFT)
                    .setIntent(ServiceRequest.ServiceRequestIntent.PROPOSAL)
                    .setCode(new CodeableConcept().setText(entry.collect()))
                    .setSubject(new Reference("Patient/" + patientId));
            return List.of(new SuggestionJson("Order: " + entry.collect(), uuids.get().toString(), null,
                    List.of(new ActionJson("create", "Create a ServiceRequest: " + entry.collect(),
                            CanonicalJson.parse(fhirJson.encode(request)), null))));
        }
        return List.of();
    }
}
