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
 * @param text {@code code.text} (at most 1,000 characters; longer text is cut)
 * @param status the Observation status; {@code entered-in-error} and {@code cancelled} are dropped by the mapper
 * @param value numeric value ({@code valueQuantity.value} or {@code valueInteger}), may be null
 * @param unit unit of the numeric value, may be null
 * @param answers codings of {@code valueCodeableConcept} (for example SNOMED 77386006 "pregnant"), may be empty
 * @param effective when it was observed, may be null
 * @param minutesBefore minutes from {@code effective} to the evaluation instant (negative: after it); null when
 *     {@code effective} is unknown
 * @param daysBefore whole days from {@code effective} to the evaluation instant; null when unknown
 * @param matches value-set classification of the code
 * @param answerMatches value-set classification of the answers
 */
public record Measurement(String sourceRef, List<Code> codes, String text, String status, Double value, String unit,
        List<Code> answers, Instant effective, Long minutesBefore, Long daysBefore, List<ValueSetMatch> matches,
        List<ValueSetMatch> answerMatches) implements Coded {

    public Measurement {
        codes = Classification.codes(codes);
        text = Classification.text(text);
        answers = Classification.codes(answers);
        matches = Classification.copy(matches);
        answerMatches = Classification.copy(answerMatches);
    }

    @Override
    public Set<String> valueSets() {
        return Classification.ids(matches);
    }

    /** Ids of the value sets the answer belongs to: {@code answerSets contains "pregnancy"}. */
    public Set<String> answerSets() {
        return Classification.ids(answerMatches);
    }

    @Override
    public Measurement classified(List<ValueSetMatch> newMatches) {
        return new Measurement(sourceRef, codes, text, status, value, unit, answers, effective, minutesBefore,
                daysBefore, newMatches, answerMatches);
    }

    /** A copy with the answers' value-set classification. */
    public Measurement withAnswerMatches(List<ValueSetMatch> newAnswerMatches) {
        return new Measurement(sourceRef, codes, text, status, value, unit, answers, effective, minutesBefore,
                daysBefore, matches, newAnswerMatches);
    }

    @Override
    public String label() {
        String name = Classification.firstLabel(text, codes, "observation");
        if (value == null) {
            return answers.isEmpty() ? name : name + ": " + Classification.firstLabel(null, answers, "coded answer");
        }
        return name + " " + Values.number(value) + (unit == null ? "" : " " + unit);
    }
}
