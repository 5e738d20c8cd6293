package org.ketaminecds.facts;

/**
 * The course of one product so far, one per product in every evaluation (with zero counts when there is no dose),
 * derived from the {@link TreatmentDose} facts by {@link FactSet#timed()}. Rules read counts from it instead of
 * counting doses with {@code accumulate}: {@code Course( product == Product.KETAMINE_IV, given < $series.value )}.
 *
 * @param product the product
 * @param given how many doses of the product were given on or before the evaluation date ({@code daysBefore >= 0})
 * @param givenInLast7Days how many of those were given after the instant 7 days (604,800 s) before the evaluation
 *     instant (a dose later on the evaluation date included)
 */
public record Course(Product product, int given, int givenInLast7Days) {
}
