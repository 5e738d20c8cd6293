package org.ketaminecds.fhir;

import org.hl7.fhir.r4.model.ResourceType;

/**
 * The prefetch templates the services ask for, one per resource type the rules read. A service's discovery entry
 * lists the keys it needs; each key's data may come from prefetch or, when absent, from the EHR's FHIR server.
 */
public enum PrefetchKey {
    PATIENT("patient", "Patient/{{context.patientId}}", ResourceType.Patient),
    MEDICATION_STATEMENTS("medicationStatements", "MedicationStatement?patient={{context.patientId}}",
            ResourceType.MedicationStatement),
    MEDICATION_REQUESTS("medicationRequests", "MedicationRequest?patient={{context.patientId}}&status=active",
            ResourceType.MedicationRequest),
    MEDICATION_ADMINISTRATIONS("medicationAdministrations",
            "MedicationAdministration?patient={{context.patientId}}", ResourceType.MedicationAdministration),
    CONDITIONS("conditions", "Condition?patient={{context.patientId}}", ResourceType.Condition),
    OBSERVATIONS("observations", "Observation?patient={{context.patientId}}&_sort=-date&_count=200",
            ResourceType.Observation),
    ALLERGIES("allergies", "AllergyIntolerance?patient={{context.patientId}}", ResourceType.AllergyIntolerance),
    ENCOUNTERS("encounters", "Encounter?patient={{context.patientId}}&_sort=-date&_count=50", ResourceType.Encounter);

    private final String key;
    private final String template;
    private final ResourceType type;

    PrefetchKey(String key, String template, ResourceType type) {
        this.key = key;
        this.template = template;
        this.type = type;
    }

    /** The key in the discovery document and the request's {@code prefetch} object. */
    public String key() {
        return key;
    }

    /** The FHIR query template with {@code {{context.patientId}}}. */
    public String template() {
        return template;
    }

    /** The resource type the query returns. */
    public ResourceType type() {
        return type;
    }

    /** True for a read of one resource (where {@code null} prefetch means "no such resource"). */
    public boolean read() {
        return !template.contains("?");
    }

    /** The template with the context's patient id filled in. */
    public String query(String patientId) {
        return template.replace("{{context.patientId}}", patientId);
    }
}
