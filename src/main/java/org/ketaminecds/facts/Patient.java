package org.ketaminecds.facts;

import java.time.LocalDate;

/**
 * The patient. One per request at most.
 *
 * @param sourceRef {@code Patient/<id>}
 * @param birthDate date of birth, may be null
 * @param ageYears age in whole years on the evaluation date, null when the birth date is unknown
 * @param sex administrative gender as sent ({@code female}, {@code male}, {@code other}, {@code unknown})
 */
public record Patient(String sourceRef, LocalDate birthDate, Integer ageYears, String sex) implements Fact {
    @Override
    public String label() {
        return ageYears == null ? "patient (age unknown)" : "patient aged " + ageYears;
    }
}
