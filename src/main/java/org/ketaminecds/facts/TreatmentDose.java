package org.ketaminecds.facts;

import java.time.Instant;

/**
 * A past dose of ketamine or esketamine: a MedicationAdministration of the index drug.
 *
 * @param sourceRef {@code MedicationAdministration/<id>}
 * @param product which drug was given
 * @param at when it was given ({@code effectiveDateTime} or {@code effectivePeriod.start})
 * @param end end of the administration ({@code effectivePeriod.end}), may be null
 * @param doseMg the dose in mg, may be null
 * @param status the administration status ({@code completed}, {@code in-progress}; others are dropped)
 * @param daysBefore whole days from the dose to the evaluation instant
 */
public record TreatmentDose(String sourceRef, Product product, Instant at, Instant end, Double doseMg, String status,
        long daysBefore) implements Fact {

    /** Epoch second of the dose, for ordering doses in rules. */
    public long epochSecond() {
        return at.getEpochSecond();
    }

    @Override
    public String label() {
        return product.label() + " dose on " + at + (doseMg == null ? "" : " (" + Values.number(doseMg) + " mg)");
    }
}
