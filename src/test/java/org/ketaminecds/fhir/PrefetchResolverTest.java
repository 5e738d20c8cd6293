package org.ketaminecds.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.context.FhirContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.Test;

class PrefetchResolverTest {
    final List<String> queries = new ArrayList<>();
    final MissingDataFetcher fetcher = (access, key, query) -> {
        queries.add(query);
        return Optional.of(List.<Resource>of());
    };
    final PrefetchResolver resolver = new PrefetchResolver(new FhirJson(FhirContext.forR4Cached()), fetcher);
    final FhirServerAccess access = new FhirServerAccess("https://ehr.example/fhir", "t");

    @Test
    void only_absent_keys_and_keys_holding_an_operation_outcome_are_fetched() {
        Map<String, String> prefetch = new java.util.HashMap<>();
        prefetch.put("patient", null);
        prefetch.put("conditions", "{\"resourceType\":\"OperationOutcome\"}");
        PatientData data = resolver.resolve(prefetch, List.of(PrefetchKey.PATIENT, PrefetchKey.CONDITIONS,
                PrefetchKey.ALLERGIES), context("p-1"), access);
        assertThat(queries).containsExactlyInAnyOrder("Condition?patient=p-1", "AllergyIntolerance?patient=p-1");
        assertThat(data.has(PrefetchKey.PATIENT)).isTrue();
    }

    @Test
    void a_patient_id_that_is_not_a_fhir_id_is_never_put_into_a_query() {
        for (String id : List.of("p1&_include=*", "../Practitioner/1", "p1?x", "p 1")) {
            assertThatThrownBy(() -> resolver.resolve(Map.of(), List.of(PrefetchKey.CONDITIONS), context(id), access))
                    .isInstanceOf(MissingDataException.class);
        }
        assertThat(queries).isEmpty();
    }

    private static HookContext context(String patientId) {
        return new HookContext("patient-view", patientId, List.of(), List.of(), List.of());
    }
}
