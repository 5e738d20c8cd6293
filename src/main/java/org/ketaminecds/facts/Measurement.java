package org.ketaminecds.facts;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * An Observation other than a blood-pressure reading (blood pressure becomes {@link BloodPressure}):
 * a score, a lab value, a weight, a coded status such as pregnancy status.
 *
 * @param sourceRef {@code Observation/<id>}
 * @param codes codings of {@code Observation.code}
 * @param text {@code code.text}
 * @param status the Observation status; {@code entered-in-error} and {@code cancelled} are dropped by the mapper
 * @param value numeric value ({@code valueQuantity.value} or {@code valueInteger}), may be null
 * @param unit unit of the numeric value, may be null
 * @param valueCodes codes of {@code valueCodeableConcept} (for example SNOMED 77386006 "pregnant"), may be empty
 * @param effective when it was observed, may be null
 * @param minutesBefore minutes from {@code effective} to the evaluation instant (negative: after it); null when
 *     {@code effective} is unknown
 * @param daysBefore whole days from {@code effective} to the evaluation instant; null when unknown
 * @param matches value-set classification
 */
public record Measurement(String sourceRef, List<Code> codes, String text, String status, Double value, String unit,
        List<String> valueCodes, Instant effective, Long minutesBefore, Long daysBefore, List<ValueSetMatch> matches)
        implements Coded {

    public Measurement {
        codes = Classification.codes(codes);
        valueCodes = valueCodes == null ? List.of() : List.copyOf(valueCodes);
        matches = Classification.copy(matches);
    }

    @Override
    public Set<String> valueSets() {
        return Classification.ids(matches);
    }

    @Override
    public Measurement classified(List<ValueSetMatch> newMatches) {
        return new Measurement(sourceRef, codes, text, status, value, unit, valueCodes, effective, minutesBefore,
                daysBefore, newMatches);
    }

    @Override
    public String label() {
        String name = Classification.firstLabel(text, codes, "observation");
        return value == null ? name : name + " " + Values.number(value) + (unit == null ? "" : " " + unit);
    }
}
