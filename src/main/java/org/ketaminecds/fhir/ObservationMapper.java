package org.ketaminecds.fhir;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Quantity;
import org.ketaminecds.facts.BloodPressure;
import org.ketaminecds.facts.Measurement;

/**
 * Observations to facts. Blood pressure becomes {@link BloodPressure}: a LOINC 85354-9 panel with its 8480-6
 * (systolic) and 8462-4 (diastolic) components, or separate systolic and diastolic Observations taken at the same
 * instant. Every other Observation becomes a {@link Measurement}. Entered-in-error and cancelled observations are
 * dropped.
 */
final class ObservationMapper {
    static final String LOINC = "http://loinc.org";
    static final String BP_PANEL = "85354-9";
    static final String SYSTOLIC = "8480-6";
    static final String DIASTOLIC = "8462-4";
    private static final Set<String> DROPPED = Set.of("entered-in-error", "cancelled");

    private final List<Measurement> measurements = new ArrayList<>();
    private final List<BloodPressure> pressures = new ArrayList<>();
    private final Map<Instant, Observation> systolicAlone = new HashMap<>();
    private final Map<Instant, Observation> diastolicAlone = new HashMap<>();

    void add(Observation observation) {
        String status = FhirValues.code(observation.getStatusElement());
        if (status != null && DROPPED.contains(status)) {
            return;
        }
        Instant effective = observation.hasEffective() ? FhirValues.start(observation.getEffective()) : null;
        CodeableConcept code = observation.hasCode() ? observation.getCode() : null;
        if (effective != null && has(code, BP_PANEL)) {
            Double sys = component(observation, SYSTOLIC);
            Double dia = component(observation, DIASTOLIC);
            if (sys != null && dia != null) {
                pressures.add(new BloodPressure(FhirValues.ref(observation), (int) Math.round(sys),
                        (int) Math.round(dia), effective, 0));
                return;
            }
        }
        if (effective != null && has(code, SYSTOLIC) && number(observation) != null) {
            systolicAlone.put(effective, observation);
            return;
        }
        if (effective != null && has(code, DIASTOLIC) && number(observation) != null) {
            diastolicAlone.put(effective, observation);
            return;
        }
        measurements.add(measurement(observation, status, effective, code));
    }

    List<Measurement> measurements() {
        List<Measurement> all = new ArrayList<>(measurements);
        systolicAlone.forEach((at, obs) -> {
            if (!diastolicAlone.containsKey(at)) {
                all.add(measurement(obs, FhirValues.code(obs.getStatusElement()), at, obs.getCode()));
            }
        });
        diastolicAlone.forEach((at, obs) -> {
            if (!systolicAlone.containsKey(at)) {
                all.add(measurement(obs, FhirValues.code(obs.getStatusElement()), at, obs.getCode()));
            }
        });
        return all;
    }

    List<BloodPressure> pressures() {
        List<BloodPressure> all = new ArrayList<>(pressures);
        systolicAlone.forEach((at, sys) -> {
            Observation dia = diastolicAlone.get(at);
            if (dia != null) {
                all.add(new BloodPressure(FhirValues.ref(sys), (int) Math.round(number(sys)),
                        (int) Math.round(number(dia)), at, 0));
            }
        });
        return all;
    }

    private static Measurement measurement(Observation observation, String status, Instant effective,
            CodeableConcept code) {
        Quantity quantity = observation.hasValueQuantity() ? observation.getValueQuantity() : null;
        List<org.ketaminecds.facts.Code> answers = observation.hasValueCodeableConcept()
                ? FhirValues.codes(observation.getValueCodeableConcept()) : List.of();
        return new Measurement(FhirValues.ref(observation), FhirValues.codes(code), FhirValues.text(code), status,
                number(observation), quantity != null && quantity.hasUnit() ? quantity.getUnit()
                        : quantity != null && quantity.hasCode() ? quantity.getCode() : null,
                answers, effective, null, null, List.of(), List.of());
    }

    private static Double number(Observation observation) {
        if (observation.hasValueQuantity() && observation.getValueQuantity().hasValue()) {
            return observation.getValueQuantity().getValue().doubleValue();
        }
        if (observation.hasValue() && observation.getValue() instanceof IntegerType integer && integer.getValue() != null) {
            return integer.getValue().doubleValue();
        }
        return null;
    }

    private static Double component(Observation observation, String loinc) {
        for (var component : observation.getComponent()) {
            if (has(component.getCode(), loinc) && component.hasValueQuantity()
                    && component.getValueQuantity().hasValue()) {
                return component.getValueQuantity().getValue().doubleValue();
            }
        }
        return null;
    }

    private static boolean has(CodeableConcept concept, String loinc) {
        return concept != null && concept.getCoding().stream()
                .anyMatch(c -> LOINC.equals(c.getSystem()) && loinc.equals(c.getCode()));
    }
}
