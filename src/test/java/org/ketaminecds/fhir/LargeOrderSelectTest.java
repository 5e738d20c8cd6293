package org.ketaminecds.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.ketaminecds.facts.Product;
import org.ketaminecds.rules.RulePackLoader;
import org.ketaminecds.terminology.ValueSets;

/**
 * Issue 14, case 3: an order-select with 24,000 draft orders and 112,000 selections (4.5 MB) used 48.7 CPU-seconds,
 * because finding the selected drafts searched the selections list on every comparison of a sort. The request is now
 * refused by the request limits long before (500 of each), and the search itself is linear whatever the limits.
 */
class LargeOrderSelectTest {

    @Test
    @Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void the_selected_ketamine_order_among_24000_drafts_and_112000_selections_is_found_in_under_a_second_of_cpu() {
        ValueSets valueSets = new RulePackLoader(Clock.systemUTC()).load(Path.of("rules")).valueSets();
        List<Resource> drafts = new ArrayList<>();
        for (int i = 0; i < 24_000; i++) {
            drafts.add(draft("draft-" + i, "36437", "sertraline"));
        }
        drafts.add(draft("draft-ketamine", "6130", "ketamine"));
        List<String> selections = new ArrayList<>();
        for (int i = 0; i < 112_000; i++) {
            selections.add("MedicationRequest/elsewhere-" + i);
        }
        selections.add("MedicationRequest/draft-ketamine");
        HookContext context = new HookContext("order-select", "p", drafts, selections, List.of());

        var threads = ManagementFactory.getThreadMXBean();
        long start = threads.getCurrentThreadCpuTime();
        Optional<Treatment> treatment = new FactMapper().orderedTreatment(context, valueSets);
        long cpuMillis = (threads.getCurrentThreadCpuTime() - start) / 1_000_000;

        assertThat(treatment).get().satisfies(t -> {
            assertThat(t.product()).isEqualTo(Product.KETAMINE_IV);
            assertThat(t.ref()).isEqualTo("MedicationRequest/draft-ketamine");
        });
        assertThat(cpuMillis).as("CPU ms to find the selected draft").isLessThan(1_000);
    }

    static MedicationRequest draft(String id, String rxnorm, String display) {
        MedicationRequest draft = new MedicationRequest();
        draft.setId(id);
        draft.setStatus(MedicationRequest.MedicationRequestStatus.DRAFT);
        draft.setIntent(MedicationRequest.MedicationRequestIntent.ORDER);
        draft.setMedication(new CodeableConcept(new Coding("http://www.nlm.nih.gov/research/umls/rxnorm", rxnorm,
                display)));
        return draft;
    }
}
