package org.ketaminecds.fhir;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.hl7.fhir.r4.model.AllergyIntolerance;
import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.MedicationAdministration;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Resource;
import org.ketaminecds.facts.Allergy;
import org.ketaminecds.facts.DataGap;
import org.ketaminecds.facts.Diagnosis;
import org.ketaminecds.facts.Evaluation;
import org.ketaminecds.facts.FactSet;
import org.ketaminecds.facts.Medication;
import org.ketaminecds.facts.TreatmentDose;
import org.ketaminecds.facts.Visit;
import org.ketaminecds.terminology.ValueSets;
import org.springframework.stereotype.Component;

/**
 * Decides which treatment a request is about (decisions.md, "Which product is being evaluated") and maps the
 * request's FHIR data to a {@link FactSet}.
 */
@Component
public class FactMapper {

    /**
     * order-select / order-sign: the ketamine or esketamine MedicationRequest among the draft orders (for
     * order-select, a selected one first). Empty when the draft orders contain neither.
     */
    public Optional<Treatment> orderedTreatment(HookContext context, ValueSets valueSets) {
        IndexDrugs indexDrugs = new IndexDrugs(valueSets);
        // A set: searching the selections list for every comparison made a large order-select quadratic.
        Set<String> selected = new HashSet<>(context.selections());
        List<MedicationRequest> drafts = context.draftOrders().stream()
                .filter(MedicationRequest.class::isInstance).map(MedicationRequest.class::cast)
                .sorted(Comparator.comparing((MedicationRequest r) -> !selected.contains(FhirValues.ref(r))))
                .toList();
        PatientData contextOnly = new PatientData();
        context.draftOrders().forEach(r -> contextOnly.addContext(r, "draftOrders"));
        for (MedicationRequest draft : drafts) {
            Optional<Treatment> treatment;
            try {
                treatment = ordered(draft, contextOnly, indexDrugs);
            } catch (RuntimeException unreadable) {
                continue; // a draft order HAPI kept but that cannot be read says nothing about ketamine
            }
            if (treatment.isPresent()) {
                return treatment;
            }
        }
        return Optional.empty();
    }

    private static Optional<Treatment> ordered(MedicationRequest draft, PatientData contextOnly,
            IndexDrugs indexDrugs) {
        MedicationConcept concept = MedicationConcept.of(draft.hasMedication() ? draft.getMedication() : null,
                draft, contextOnly);
        var product = indexDrugs.product(concept);
        if (product.isEmpty()) {
            return Optional.empty();
        }
        var instruction = draft.hasDosageInstruction() ? draft.getDosageInstructionFirstRep() : null;
        Double dose = instruction != null && instruction.hasDoseAndRate()
                && instruction.getDoseAndRateFirstRep().hasDoseQuantity()
                ? MedicationAdministrationMapper.milligrams(instruction.getDoseAndRateFirstRep().getDoseQuantity()) : null;
        return Optional.of(new Treatment(product.get(), FhirValues.ref(draft), true, dose, null));
    }

    /**
     * patient-view / appointment-book: the most recent ketamine or esketamine MedicationAdministration or
     * MedicationStatement. Empty when the patient has neither.
     */
    public Optional<Treatment> currentTreatment(PatientData data, ValueSets valueSets) {
        IndexDrugs indexDrugs = new IndexDrugs(valueSets);
        Treatment latest = null;
        for (MedicationAdministration administration : data.get(PrefetchKey.MEDICATION_ADMINISTRATIONS,
                MedicationAdministration.class)) {
            Optional<TreatmentDose> dose;
            try {
                dose = MedicationAdministrationMapper.administration(administration, data, indexDrugs);
            } catch (RuntimeException unreadable) {
                continue; // mapped again, and reported as a data gap, by map()
            }
            if (dose.isPresent() && (latest == null || dose.get().at().isAfter(latest.lastGiven()))) {
                latest = new Treatment(dose.get().product(), dose.get().sourceRef(), false, null, dose.get().at());
            }
        }
        for (MedicationStatement statement : data.get(PrefetchKey.MEDICATION_STATEMENTS, MedicationStatement.class)) {
            MedicationConcept concept = MedicationConcept.of(statement.hasMedication() ? statement.getMedication()
                    : null, statement, data);
            var product = indexDrugs.product(concept);
            Instant when = statement.hasEffective() ? FhirValues.start(statement.getEffective())
                    : statement.hasDateAsserted() ? FhirValues.instant(statement.getDateAssertedElement()) : Instant.EPOCH;
            if (product.isPresent() && (latest == null || when.isAfter(latest.lastGiven()))) {
                latest = new Treatment(product.get(), FhirValues.ref(statement), false, null, when);
            }
        }
        return Optional.ofNullable(latest);
    }

    /** appointment-book: the earliest proposed appointment's start, the evaluation date for cadence rules. */
    public Optional<Instant> appointmentStart(HookContext context) {
        return context.appointments().stream().filter(Appointment.class::isInstance).map(Appointment.class::cast)
                .filter(a -> a.hasStart() && a.getStart() != null).map(a -> a.getStart().toInstant())
                .min(Comparator.naturalOrder());
    }

    /** All facts of the request, evaluated at {@code at}. */
    public FactSet map(String hook, Treatment treatment, Instant at, PatientData data, ValueSets valueSets) {
        IndexDrugs indexDrugs = new IndexDrugs(valueSets);
        Evaluation evaluation = new Evaluation(hook, treatment.product(), at, treatment.ref(), treatment.draftOrder(),
                treatment.plannedDoseMg());
        List<DataGap> gaps = new ArrayList<>();
        List<Medication> medications = new ArrayList<>();
        for (MedicationStatement statement : data.get(PrefetchKey.MEDICATION_STATEMENTS, MedicationStatement.class)) {
            readable(statement, gaps, () -> collect(MedicationStatementMapper.statement(statement, data), medications, gaps));
        }
        for (MedicationRequest request : data.get(PrefetchKey.MEDICATION_REQUESTS, MedicationRequest.class)) {
            if (!FhirValues.ref(request).equals(treatment.ref())) {
                readable(request, gaps, () -> collect(MedicationRequestMapper.request(request, data), medications, gaps));
            }
        }
        List<TreatmentDose> doses = new ArrayList<>();
        for (MedicationAdministration administration : data.get(PrefetchKey.MEDICATION_ADMINISTRATIONS,
                MedicationAdministration.class)) {
            readable(administration, gaps,
                    () -> MedicationAdministrationMapper.administration(administration, data, indexDrugs).ifPresent(doses::add));
        }
        ObservationMapper observations = new ObservationMapper();
        for (Observation observation : data.get(PrefetchKey.OBSERVATIONS, Observation.class)) {
            readable(observation, gaps, () -> observations.add(observation));
        }
        List<Diagnosis> diagnoses = new ArrayList<>();
        for (Condition condition : data.get(PrefetchKey.CONDITIONS, Condition.class)) {
            readable(condition, gaps, () -> diagnoses.add(ConditionMapper.condition(condition)));
        }
        List<Allergy> allergies = new ArrayList<>();
        for (AllergyIntolerance allergy : data.get(PrefetchKey.ALLERGIES, AllergyIntolerance.class)) {
            readable(allergy, gaps, () -> allergies.add(AllergyMapper.allergy(allergy)));
        }
        List<Visit> visits = new ArrayList<>();
        for (Encounter encounter : data.get(PrefetchKey.ENCOUNTERS, Encounter.class)) {
            readable(encounter, gaps, () -> visits.add(EncounterMapper.encounter(encounter)));
        }
        List<org.ketaminecds.facts.Patient> patients = new ArrayList<>();
        data.get(PrefetchKey.PATIENT, org.hl7.fhir.r4.model.Patient.class).stream().findFirst()
                .ifPresent(p -> readable(p, gaps, () -> patients.add(PatientMapper.patient(p))));
        var patient = patients.isEmpty() ? null : patients.get(0);
        if (patient == null) {
            gaps.add(new DataGap(null, "no Patient resource"));
        }
        return new FactSet(evaluation, patient, diagnoses, medications, allergies, observations.measurements(),
                observations.pressures(), doses, visits, gaps);
    }

    /**
     * Maps one resource; a resource the mapping cannot read (a value HAPI kept but that makes no sense) becomes a
     * data gap instead of failing the whole decision.
     */
    private static void readable(Resource resource, List<DataGap> gaps, Runnable mapping) {
        try {
            mapping.run();
        } catch (RuntimeException e) {
            gaps.add(new DataGap(FhirValues.ref(resource), resource.fhirType() + " could not be read ("
                    + e.getClass().getSimpleName() + ")"));
        }
    }

    private static void collect(Object mapped, List<Medication> medications, List<DataGap> gaps) {
        if (mapped instanceof Medication medication) {
            medications.add(medication);
        } else if (mapped instanceof DataGap gap) {
            gaps.add(gap);
        }
    }

    /** The resources of a context field (a Bundle's entries, or the resource itself). */
    public static List<Resource> entries(Resource resource) {
        if (resource instanceof org.hl7.fhir.r4.model.Bundle bundle) {
            return bundle.getEntry().stream().filter(e -> e.hasResource()).map(e -> e.getResource()).toList();
        }
        return resource == null ? List.of() : List.of(resource);
    }
}
