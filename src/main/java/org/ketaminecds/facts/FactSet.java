package org.ketaminecds.facts;

import java.util.ArrayList;
import java.util.List;

/**
 * Everything the rules see for one decision: the evaluation, the patient and the clinical facts. This is also
 * the fact snapshot the audit record keeps, so a decision can be replayed without its FHIR input.
 */
public record FactSet(Evaluation evaluation, Patient patient, List<Diagnosis> diagnoses,
        List<Medication> medications, List<Allergy> allergies, List<Measurement> measurements,
        List<BloodPressure> bloodPressures, List<TreatmentDose> doses, List<Visit> visits, List<DataGap> gaps,
        List<Course> courses) {

    public FactSet {
        diagnoses = list(diagnoses);
        medications = list(medications);
        allergies = list(allergies);
        measurements = list(measurements);
        bloodPressures = list(bloodPressures);
        doses = list(doses);
        visits = list(visits);
        gaps = list(gaps);
        courses = list(courses);
    }

    /** Facts as mapped, before {@link #timed()} derives the courses. */
    public FactSet(Evaluation evaluation, Patient patient, List<Diagnosis> diagnoses, List<Medication> medications,
            List<Allergy> allergies, List<Measurement> measurements, List<BloodPressure> bloodPressures,
            List<TreatmentDose> doses, List<Visit> visits, List<DataGap> gaps) {
        this(evaluation, patient, diagnoses, medications, allergies, measurements, bloodPressures, doses, visits,
                gaps, null);
    }

    private static <T> List<T> list(List<T> values) {
        return values == null ? List.of() : List.copyOf(values);
    }

    /**
     * The same facts with every time-relative field (ages, minutes and days before the evaluation, whether a
     * medication is current) computed against {@link Evaluation#at()}, each dose placed in its course
     * ({@link TreatmentDose#ordinal()} and the fields after it) and one {@link Course} per product. Mapping and
     * scenarios give absolute times only; this is the one place that relates them to the evaluation instant, and
     * everything derived here is derived again on replay (whatever a snapshot held).
     */
    public FactSet timed() {
        Chronology chronology = new Chronology(evaluation.at());
        List<TreatmentDose> timedDoses = chronology.doses(doses);
        return new FactSet(evaluation, patient == null ? null : chronology.patient(patient),
                diagnoses.stream().map(chronology::diagnosis).toList(),
                medications.stream().map(chronology::medication).toList(), allergies,
                measurements.stream().map(chronology::measurement).toList(),
                bloodPressures.stream().map(chronology::bloodPressure).toList(), timedDoses, visits, gaps,
                chronology.courses(timedDoses));
    }

    /** Every fact as one list, for insertion into a rule session (thresholds are added by the rule pack). */
    public List<Object> all() {
        List<Object> all = new ArrayList<>();
        all.add(evaluation);
        if (patient != null) {
            all.add(patient);
        }
        all.addAll(diagnoses);
        all.addAll(medications);
        all.addAll(allergies);
        all.addAll(measurements);
        all.addAll(bloodPressures);
        all.addAll(doses);
        all.addAll(visits);
        all.addAll(gaps);
        all.addAll(courses);
        return all;
    }

    /** The same facts with every coded fact replaced by {@code classify}'s result. */
    public FactSet classify(java.util.function.UnaryOperator<Coded> classify) {
        return new FactSet(evaluation, patient, map(diagnoses, classify), map(medications, classify),
                map(allergies, classify), map(measurements, classify), bloodPressures, doses, visits, gaps, courses);
    }

    @SuppressWarnings("unchecked")
    private static <T extends Coded> List<T> map(List<T> facts, java.util.function.UnaryOperator<Coded> classify) {
        return facts.stream().map(f -> (T) classify.apply(f)).toList();
    }
}
