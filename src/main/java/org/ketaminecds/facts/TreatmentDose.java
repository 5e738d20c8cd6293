package org.ketaminecds.facts;

import java.time.Instant;

/**
 * A past dose of ketamine or esketamine: a MedicationAdministration of the index drug.
 *
 * <p>The last five fields place the dose in its product's course. {@link FactSet#timed()} computes them once per
 * evaluation (sorting the doses once), so that rules read "the sixth dose" or "the dose before this one" from a
 * field instead of counting doses for every dose, which made evaluation grow with the square of the doses or
 * worse. A dose "given" is one on or before the evaluation date ({@code daysBefore >= 0}); every dose earlier than a
 * given dose is given too. Doses are compared by {@link #epochSecond()}, as the rules do.
 *
 * @param sourceRef {@code MedicationAdministration/<id>}
 * @param product which drug was given
 * @param at when it was given ({@code effectiveDateTime} or {@code effectivePeriod.start})
 * @param end end of the administration ({@code effectivePeriod.end}), may be null
 * @param doseMg the dose in mg, may be null
 * @param status the administration status ({@code completed}, {@code in-progress}; others are dropped)
 * @param daysBefore whole days from the dose to the evaluation instant
 * @param ordinal for a given dose, how many given doses of the same product were given at or before its instant,
 *     itself included: the n-th dose of a course has ordinal n ({@code ordinal == 6} is the sixth infusion); doses at
 *     the same instant share the highest of their positions. Null for a dose after the evaluation date.
 * @param previousEpochSecond the epoch second of the latest dose of the same product strictly before this one; null
 *     when no dose of the product came earlier (the first dose of its course). Match the previous dose itself with
 *     {@code TreatmentDose( epochSecond == $prev )}.
 * @param nextEpochSecond the epoch second of the earliest dose of the same product strictly after this one; null when
 *     none came later. The latest dose up to the evaluation instant is the one with
 *     {@code epochSecond <= $e.at.epochSecond, nextEpochSecond == null || nextEpochSecond > $e.at.epochSecond}.
 * @param dosesWithinWeek how many doses of the same product (whatever their date) fall at this dose's instant or in
 *     the 7 days (604,800 s) after it, itself included
 */
public record TreatmentDose(String sourceRef, Product product, Instant at, Instant end, Double doseMg, String status,
        long daysBefore, Integer ordinal, Long previousEpochSecond, Long nextEpochSecond, Integer dosesWithinWeek)
        implements Fact {

    /** A dose as mapped: its place in the course is filled in by {@link FactSet#timed()}. */
    public TreatmentDose(String sourceRef, Product product, Instant at, Instant end, Double doseMg, String status,
            long daysBefore) {
        this(sourceRef, product, at, end, doseMg, status, daysBefore, null, null, null, null);
    }

    /** Epoch second of the dose, for ordering doses in rules. */
    public long epochSecond() {
        return at.getEpochSecond();
    }

    @Override
    public String label() {
        return product.label() + " dose on " + at + (doseMg == null ? "" : " (" + Values.number(doseMg) + " mg)");
    }
}
