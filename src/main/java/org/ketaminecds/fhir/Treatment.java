package org.ketaminecds.fhir;

import java.time.Instant;
import org.ketaminecds.facts.Product;

/**
 * The treatment a request is about.
 *
 * @param product K or E
 * @param ref the resource that decided it: the draft MedicationRequest, or the latest administration/statement
 * @param draftOrder true when {@code ref} is a draft order
 * @param plannedDoseMg the draft order's dose in mg, when stated in mg
 * @param lastGiven for patient-view and appointment-book, when the latest dose was given (null for orders)
 */
public record Treatment(Product product, String ref, boolean draftOrder, Double plannedDoseMg, Instant lastGiven) {
}
