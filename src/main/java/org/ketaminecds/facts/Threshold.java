package org.ketaminecds.facts;

/**
 * A local-policy value from {@code rules/policy.yaml}, inserted as a fact so rules read thresholds instead of
 * hard-coding them. Match it by key: {@code Threshold( key == "bp.predose.warning.systolic", $max : value )}.
 *
 * @param key stable key, for example {@code bp.predose.warning.systolic}
 * @param value the number
 * @param unit its unit, for example {@code mmHg}
 * @param description what it means, shown on cards as "local policy default"
 */
public record Threshold(String key, double value, String unit, String description) {

    /** For card text, for example {@code 140 mmHg}. */
    public String display() {
        return Values.number(value) + (unit == null || unit.isBlank() ? "" : " " + unit);
    }
}
