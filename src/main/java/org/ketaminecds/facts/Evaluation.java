package org.ketaminecds.facts;

import java.time.Instant;

/**
 * What is being evaluated, and when. Exactly one per request.
 *
 * @param hook the CDS Hooks hook, for example {@code order-sign}
 * @param product the treatment being evaluated (K or E); null when the request concerns neither
 * @param at the evaluation instant: the request time for order hooks and patient-view, the appointment
 *     start for appointment-book. Rules compare against this, never against a clock.
 * @param treatmentRef the resource that decided the product, for example {@code MedicationRequest/abc}
 * @param draftOrder true when {@code treatmentRef} is a draft order the clinician is about to select or sign
 * @param plannedDoseMg the planned dose of the draft order in mg, when the order states one
 */
public record Evaluation(String hook, Product product, Instant at, String treatmentRef, boolean draftOrder,
        Double plannedDoseMg) {

    /** True when the evaluated treatment is IV ketamine ("K"). */
    public boolean ketamine() {
        return product == Product.KETAMINE_IV;
    }

    /** True when the evaluated treatment is esketamine ("E"). */
    public boolean esketamine() {
        return product == Product.ESKETAMINE;
    }
}
