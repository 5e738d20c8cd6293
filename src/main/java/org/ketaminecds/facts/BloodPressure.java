package org.ketaminecds.facts;

import java.time.Instant;

/**
 * One blood-pressure reading: a LOINC 85354-9 panel with its 8480-6 / 8462-4 components, or a pair of
 * systolic and diastolic Observations taken at the same time.
 *
 * @param sourceRef {@code Observation/<id>}
 * @param systolic systolic pressure in mmHg
 * @param diastolic diastolic pressure in mmHg
 * @param effective when it was taken
 * @param minutesBefore minutes from the reading to the evaluation instant (negative: after it)
 */
public record BloodPressure(String sourceRef, int systolic, int diastolic, Instant effective, long minutesBefore)
        implements Fact {

    /** For example {@code 152/94 mmHg}. */
    public String reading() {
        return systolic + "/" + diastolic + " mmHg";
    }

    @Override
    public String label() {
        return "BP " + reading() + " taken " + minutesBefore + " min before evaluation";
    }
}
