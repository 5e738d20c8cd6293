package org.ketaminecds.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ketaminecds.facts.FactSet;
import org.ketaminecds.facts.Medication;
import org.ketaminecds.facts.Product;
import org.ketaminecds.rules.RulePack;
import org.ketaminecds.rules.RulePackLoader;

/** FHIR R4 resources as EHRs send them, mapped to facts and classified with the shipped value sets. */
class FactMapperTest {
    static final FhirJson FHIR = new FhirJson(FhirContext.forR4());
    static final Instant AT = Instant.parse("2026-03-02T09:00:00Z");
    static RulePack pack;
    final FactMapper mapper = new FactMapper();

    @BeforeAll
    static void loadPack() {
        pack = new RulePackLoader(Clock.systemUTC()).load(Path.of("rules"));
    }

    @Test
    void a_medication_reference_to_a_contained_medication_is_resolved() {
        FactSet facts = map(Map.of(PrefetchKey.MEDICATION_STATEMENTS, """
                {"resourceType":"Bundle","type":"searchset","entry":[{"resource":{"resourceType":"MedicationStatement",
                 "id":"ms1","status":"active","contained":[{"resourceType":"Medication","id":"m1","code":{"coding":[
                 {"system":"http://www.nlm.nih.gov/research/umls/rxnorm","code":"6470","display":"lorazepam"}]}}],
                 "medicationReference":{"reference":"#m1"},"subject":{"reference":"Patient/p"}}}]}"""));
        Medication lorazepam = facts.medications().get(0);
        assertThat(lorazepam.valueSets()).contains("benzodiazepines");
        assertThat(lorazepam.matchedBy("benzodiazepines")).isEqualTo("RxNorm 6470");
        assertThat(lorazepam.current()).isTrue();
    }

    @Test
    void a_medication_reference_to_a_medication_in_the_prefetch_is_resolved() {
        FactSet facts = map(Map.of(PrefetchKey.MEDICATION_REQUESTS, """
                {"resourceType":"Bundle","type":"searchset","entry":[
                 {"resource":{"resourceType":"MedicationRequest","id":"mr1","status":"active","intent":"order",
                  "medicationReference":{"reference":"Medication/med-oxy"},"subject":{"reference":"Patient/p"}}},
                 {"resource":{"resourceType":"Medication","id":"med-oxy","code":{"coding":[
                  {"system":"http://www.whocc.no/atc","code":"N02AA05","display":"oxycodone"}]}}}]}"""));
        assertThat(facts.medications()).singleElement().satisfies(m -> {
            assertThat(m.sourceRef()).isEqualTo("MedicationRequest/mr1");
            assertThat(m.matchedBy("opioids")).isEqualTo("ATC N02AA05");
        });
    }

    @Test
    void a_medication_statement_that_ended_before_the_evaluation_date_is_not_current() {
        FactSet facts = map(Map.of(PrefetchKey.MEDICATION_STATEMENTS, """
                {"resourceType":"Bundle","type":"searchset","entry":[{"resource":{"resourceType":"MedicationStatement",
                 "id":"ms2","status":"active","medicationCodeableConcept":{"text":"Alprazolam 1 MG Oral Tablet"},
                 "effectivePeriod":{"start":"2025-01-01","end":"2026-01-31"},"subject":{"reference":"Patient/p"}}}]}"""));
        assertThat(facts.medications().get(0).current()).isFalse();
        assertThat(facts.medications().get(0).matchedBy("benzodiazepines")).isEqualTo("name \"alprazolam\"");
    }

    @Test
    void a_blood_pressure_panel_and_a_pair_of_separate_readings_both_become_blood_pressures() {
        FactSet facts = map(Map.of(PrefetchKey.OBSERVATIONS, """
                {"resourceType":"Bundle","type":"searchset","entry":[
                 {"resource":{"resourceType":"Observation","id":"panel","status":"final","effectiveDateTime":"2026-03-02T08:40:00Z",
                  "code":{"coding":[{"system":"http://loinc.org","code":"85354-9"}]},"component":[
                  {"code":{"coding":[{"system":"http://loinc.org","code":"8480-6"}]},"valueQuantity":{"value":150,"unit":"mmHg"}},
                  {"code":{"coding":[{"system":"http://loinc.org","code":"8462-4"}]},"valueQuantity":{"value":92,"unit":"mmHg"}}]}},
                 {"resource":{"resourceType":"Observation","id":"sys","status":"final","effectiveDateTime":"2026-03-02T07:00:00Z",
                  "code":{"coding":[{"system":"http://loinc.org","code":"8480-6"}]},"valueQuantity":{"value":120,"unit":"mmHg"}}},
                 {"resource":{"resourceType":"Observation","id":"dia","status":"final","effectiveDateTime":"2026-03-02T07:00:00Z",
                  "code":{"coding":[{"system":"http://loinc.org","code":"8462-4"}]},"valueQuantity":{"value":80,"unit":"mmHg"}}},
                 {"resource":{"resourceType":"Observation","id":"error","status":"entered-in-error","effectiveDateTime":"2026-03-02T08:50:00Z",
                  "code":{"coding":[{"system":"http://loinc.org","code":"85354-9"}]},"component":[
                  {"code":{"coding":[{"system":"http://loinc.org","code":"8480-6"}]},"valueQuantity":{"value":200,"unit":"mmHg"}},
                  {"code":{"coding":[{"system":"http://loinc.org","code":"8462-4"}]},"valueQuantity":{"value":120,"unit":"mmHg"}}]}}]}"""));
        assertThat(facts.bloodPressures()).extracting(b -> b.reading() + "@" + b.minutesBefore())
                .containsExactlyInAnyOrder("150/92 mmHg@20", "120/80 mmHg@120");
    }

    @Test
    void a_condition_keeps_its_statuses_and_days_since_onset() {
        FactSet facts = map(Map.of(PrefetchKey.CONDITIONS, """
                {"resourceType":"Bundle","type":"searchset","entry":[{"resource":{"resourceType":"Condition","id":"c1",
                 "clinicalStatus":{"coding":[{"code":"resolved"}]},"verificationStatus":{"coding":[{"code":"refuted"}]},
                 "code":{"coding":[{"system":"http://hl7.org/fhir/sid/icd-10-cm","code":"I71.2"}]},
                 "onsetDateTime":"2026-02-20","subject":{"reference":"Patient/p"}}}]}"""));
        var diagnosis = facts.diagnoses().get(0);
        assertThat(diagnosis.daysSinceOnset()).isEqualTo(10);
        assertThat(diagnosis.refuted()).isTrue();
        assertThat(diagnosis.active()).isFalse();
        assertThat(diagnosis.matchedBy("aneurysmal-vascular-disease")).isEqualTo("ICD-10-CM I71.2");
    }

    @Test
    void an_esketamine_administration_becomes_a_treatment_dose_and_the_current_treatment() {
        PatientData data = data(Map.of(PrefetchKey.MEDICATION_ADMINISTRATIONS, """
                {"resourceType":"Bundle","type":"searchset","entry":[{"resource":{"resourceType":"MedicationAdministration",
                 "id":"ma1","status":"completed","effectiveDateTime":"2026-02-26T09:00:00Z",
                 "medicationCodeableConcept":{"coding":[{"system":"http://hl7.org/fhir/sid/ndc","code":"50458-028-03"}]},
                 "dosage":{"dose":{"value":84,"unit":"mg","code":"mg"}},"subject":{"reference":"Patient/p"}}}]}"""));
        Treatment treatment = mapper.currentTreatment(data, pack.valueSets()).orElseThrow();
        assertThat(treatment.product()).isEqualTo(Product.ESKETAMINE);
        FactSet facts = pack.evaluate(mapper.map("patient-view", treatment, AT, data, pack.valueSets())).facts();
        assertThat(facts.doses()).singleElement().satisfies(d -> {
            assertThat(d.doseMg()).isEqualTo(84.0);
            assertThat(d.daysBefore()).isEqualTo(4);
        });
    }

    private FactSet map(Map<PrefetchKey, String> prefetch) {
        PatientData data = data(prefetch);
        Treatment treatment = new Treatment(Product.KETAMINE_IV, "MedicationRequest/draft", true, null, null);
        return pack.evaluate(mapper.map("order-sign", treatment, AT, data, pack.valueSets())).facts();
    }

    private static PatientData data(Map<PrefetchKey, String> prefetch) {
        PatientData data = new PatientData();
        prefetch.forEach((key, json) -> {
            List<Resource> resources = FactMapper.entries(FHIR.parse(json, key.key()));
            data.put(key, resources, DataSource.PREFETCH);
        });
        return data;
    }
}
