package org.ketaminecds.cdshooks;

import java.time.Instant;
import java.util.function.IntFunction;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Synthetic CDS Hooks requests that grow one dimension: an IV ketamine order-sign (or order-select) for a patient
 * with {@code n} doses, observations, medications, conditions, draft orders, selections (with as many draft orders:
 * the costly pair in issue 14), or a label of {@code n} characters. Items are sent oldest first and chosen to trigger rules (benzodiazepines and opioids, hypertension,
 * low SpO2 during today's infusion, PHQ-9 scores), the costliest shape for the rules.
 */
enum GrowthRequests {
    DOSES, OBSERVATIONS, MEDICATIONS, CONDITIONS, DRAFT_ORDERS, SELECTIONS, LABEL_LENGTH;

    static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");
    static final String RXNORM = "http://www.nlm.nih.gov/research/umls/rxnorm";
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final String[] MEDICATIONS_CYCLE = {"6470", "7804", "596", "7052", "3322", "4337"};
    private static final String[] CONDITIONS_CYCLE = {"I10", "F33.1", "I71.4", "I50.9", "F41.1", "G47.33"};
    private static final String[][] OBSERVATION_CYCLE = {{"44261-6", "18"}, {"1742-6", "30"}, {"29463-7", "78"},
            {"59408-5", "85"}, {"8867-4", "72"}, {"1920-8", "25"}};

    /** The request with {@code n} of this dimension (the other dimensions hold a handful of items). */
    ObjectNode request(int n) {
        boolean select = this == SELECTIONS;
        ObjectNode body = JSON.objectNode();
        body.put("hookInstance", "d3b8a1c2-0f4e-4a55-9e1b-7c2d3e4f5a60");
        body.put("hook", select ? "order-select" : "order-sign");
        ObjectNode context = body.putObject("context");
        context.put("userId", "Practitioner/growth");
        context.put("patientId", "growth");
        int drafts = this == DRAFT_ORDERS || this == SELECTIONS ? Math.max(n, 1) : 3;
        context.set("draftOrders", bundle(drafts, i -> i == drafts - 1 ? draft("draft-ketamine", "6130", "ketamine")
                : draft("draft-" + i, "36437", "sertraline " + i)));
        if (select) {
            ArrayNode selections = context.putArray("selections");
            for (int i = 0; i < n; i++) {
                selections.add("MedicationRequest/not-a-draft-" + i);
            }
            selections.add("MedicationRequest/draft-ketamine");
        }
        ObjectNode prefetch = body.putObject("prefetch");
        prefetch.set("patient", JSON.objectNode().put("resourceType", "Patient").put("id", "growth")
                .put("gender", "female").put("birthDate", "1975-04-02"));
        int doses = this == DOSES ? n : 3;
        prefetch.set("medicationAdministrations", bundle(doses, i -> dose(i, doses)));
        int observations = this == OBSERVATIONS ? n : 6;
        prefetch.set("observations", bundle(observations, i -> observation(i, observations)));
        int medications = this == MEDICATIONS ? n : 2;
        String label = this == LABEL_LENGTH ? "x".repeat(n) : null;
        prefetch.set("medicationStatements", bundle(medications, i -> medication(i, label)));
        int conditions = this == CONDITIONS ? n : 2;
        prefetch.set("conditions", bundle(conditions, GrowthRequests::condition));
        prefetch.set("medicationRequests", bundle(0, i -> null));
        prefetch.set("allergies", bundle(0, i -> null));
        prefetch.set("encounters", bundle(0, i -> null));
        return body;
    }

    private static ObjectNode bundle(int n, IntFunction<ObjectNode> resource) {
        ObjectNode bundle = JSON.objectNode().put("resourceType", "Bundle").put("type", "searchset");
        ArrayNode entries = bundle.putArray("entry");
        for (int i = 0; i < n; i++) {
            entries.addObject().set("resource", resource.apply(i));
        }
        return bundle;
    }

    private static ObjectNode concept(String system, String code, String text) {
        ObjectNode concept = JSON.objectNode();
        concept.putArray("coding").addObject().put("system", system).put("code", code);
        if (text != null) {
            concept.put("text", text);
        }
        return concept;
    }

    private static ObjectNode draft(String id, String rxnorm, String text) {
        ObjectNode draft = JSON.objectNode().put("resourceType", "MedicationRequest").put("id", id)
                .put("status", "draft").put("intent", "order");
        draft.set("medicationCodeableConcept", concept(RXNORM, rxnorm, text));
        draft.putObject("subject").put("reference", "Patient/growth");
        return draft;
    }

    /** Doses twelve hours apart, oldest first, the last an hour before the evaluation instant. */
    private static ObjectNode dose(int i, int n) {
        Instant at = NOW.minusSeconds(43_200L * (n - 1 - i) + 3_600);
        ObjectNode dose = JSON.objectNode().put("resourceType", "MedicationAdministration").put("id", "dose-" + i)
                .put("status", "completed").put("effectiveDateTime", at.toString());
        dose.set("medicationCodeableConcept", concept(RXNORM, "6130", "ketamine"));
        dose.putObject("subject").put("reference", "Patient/growth");
        dose.putObject("dosage").putObject("dose").put("value", 35).put("unit", "mg").put("code", "mg");
        return dose;
    }

    /**
     * Observations of six kinds in turn, oldest first, all in the 50 minutes after today's dose: every low SpO2
     * reading is one more subject of C04's card, the costliest shape.
     */
    private static ObjectNode observation(int i, int n) {
        String[] kind = OBSERVATION_CYCLE[i % OBSERVATION_CYCLE.length];
        Instant at = NOW.minusMillis(3_000_000L * (n - 1 - i) / n + 60_000);
        ObjectNode observation = JSON.objectNode().put("resourceType", "Observation").put("id", "obs-" + i)
                .put("status", "final").put("effectiveDateTime", at.toString());
        observation.set("code", concept("http://loinc.org", kind[0], null));
        observation.putObject("valueQuantity").put("value", Integer.parseInt(kind[1]));
        observation.putObject("subject").put("reference", "Patient/growth");
        return observation;
    }

    private static ObjectNode medication(int i, String label) {
        ObjectNode medication = JSON.objectNode().put("resourceType", "MedicationStatement").put("id", "med-" + i)
                .put("status", "active");
        medication.set("medicationCodeableConcept", concept(RXNORM, MEDICATIONS_CYCLE[i % MEDICATIONS_CYCLE.length],
                label != null ? label : "medication " + i));
        medication.putObject("subject").put("reference", "Patient/growth");
        return medication;
    }

    private static ObjectNode condition(int i) {
        ObjectNode condition = JSON.objectNode().put("resourceType", "Condition").put("id", "condition-" + i);
        condition.set("clinicalStatus", concept("http://terminology.hl7.org/CodeSystem/condition-clinical", "active",
                null));
        condition.set("code", concept("http://hl7.org/fhir/sid/icd-10-cm", CONDITIONS_CYCLE[i % CONDITIONS_CYCLE.length],
                "condition " + i));
        condition.putObject("subject").put("reference", "Patient/growth");
        return condition;
    }
}
