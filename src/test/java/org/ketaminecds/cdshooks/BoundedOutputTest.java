package org.ketaminecds.cdshooks;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ketaminecds.cdshooks.WireTypes.CardJson;
import org.ketaminecds.common.CanonicalJson;
import org.ketaminecds.facts.Finding;
import org.ketaminecds.fhir.FactMapper;
import org.ketaminecds.fhir.FhirJson;
import org.ketaminecds.fhir.PrefetchResolver;
import org.ketaminecds.fhir.ResourceUse;
import org.ketaminecds.rules.FactSnapshot;
import org.ketaminecds.rules.FiredRule;
import org.ketaminecds.rules.RuleOutcome;
import org.ketaminecds.rules.RulePack;
import org.ketaminecds.rules.RulePackLoader;
import tools.jackson.databind.node.ObjectNode;

/**
 * Issue 14, case 2: patient-controlled labels were copied whole into every card's detail and into the facts (0.5 MB
 * of request became a 7.5 MB response and 8.1 MB stored), and a rule naming every matching fact grew its card with
 * the request. Facts keep at most 1,000 characters of a text, a card lists at most 20 triggers with labels of at most
 * 200 characters, a finding keeps at most 50 subjects, and the record lists at most 20 firings of a rule.
 */
class BoundedOutputTest {
    static final FhirJson FHIR = new FhirJson(FhirContext.forR4());
    static RulePack pack;

    @BeforeAll
    static void shippedPack() {
        pack = new RulePackLoader(Clock.systemUTC()).load(Path.of("rules"));
    }

    record Decided(List<CardJson> cards, RuleOutcome outcome) {
        String response() {
            return CanonicalJson.ofValue(new WireTypes.CdsResponseJson(cards, null));
        }
    }

    static Decided decide(ObjectNode body) {
        HookPipeline pipeline = new HookPipeline(new PrefetchResolver(FHIR, (access, key, query) -> Optional.empty()),
                new FactMapper(), new CardRenderer(UUID::randomUUID, new CardSuggestions(UUID::randomUUID, FHIR)));
        CdsService service = new ServiceCatalogue().find(body.get("hook").asString().equals("order-select")
                ? "ketamine-order-select" : "ketamine-order-sign").orElseThrow();
        HookRequest request = new RequestParser(RequestLimits.defaults(), FHIR).parse(body, service);
        AtomicReference<RuleOutcome> outcome = new AtomicReference<>();
        List<CardJson> cards = pipeline.run(service, request, pack, GrowthRequests.NOW, new HookPipeline.Steps() {
            @Override
            public void resolved(List<ResourceUse> inputs) {
            }

            @Override
            public void evaluated(RuleOutcome evaluated) {
                outcome.set(evaluated);
            }
        });
        return new Decided(cards, outcome.get());
    }

    @Test
    void a_half_megabyte_medication_label_is_cut_in_the_facts_and_in_every_card() {
        ObjectNode request = GrowthRequests.LABEL_LENGTH.request(500_000);
        assertThat(request.toString().length()).isGreaterThan(1_000_000);

        Decided decided = decide(request);

        assertThat(decided.cards()).extracting(CardJson::summary).anyMatch(s -> s.contains("xxxxx"));
        assertThat(decided.response().length()).as("response characters").isLessThan(20_000);
        assertThat(FactSnapshot.write(decided.outcome().facts()).length()).as("fact snapshot characters")
                .isLessThan(10_000);
        assertThat(decided.cards()).allSatisfy(card -> assertThat(card.detail()).doesNotContain("x".repeat(201)));
    }

    @Test
    void ten_thousand_interacting_medications_give_cards_that_list_twenty_and_count_the_rest() {
        Decided decided = decide(GrowthRequests.MEDICATIONS.request(10_000));

        CardJson benzodiazepines = decided.cards().stream().filter(c -> c.source().topic().code().equals("B01"))
                .findFirst().orElseThrow();
        assertThat(benzodiazepines.detail().lines().filter(l -> l.startsWith("- `"))).hasSize(20);
        // every other medication of the request is a benzodiazepine: 5,000
        assertThat(benzodiazepines.detail()).contains("- and 4980 more");
        assertThat(decided.response().length()).as("response characters").isLessThan(64_000);
        assertThat(decided.outcome().fired()).filteredOn(f -> f.ruleId().equals("B01")).hasSize(FiredRule.MAX_LISTED)
                .last().extracting(FiredRule::moreFirings).isEqualTo(5_000 - FiredRule.MAX_LISTED);
    }

    @Test
    void a_rule_naming_every_low_spo2_reading_keeps_fifty_and_counts_the_rest() {
        Decided decided = decide(GrowthRequests.OBSERVATIONS.request(6_000));

        List<Finding> spo2 = new ArrayList<>(decided.outcome().findings().stream()
                .filter(f -> f.ruleId().equals("C04")).toList());
        assertThat(spo2).singleElement().satisfies(f -> {
            assertThat(f.subjects()).hasSize(Finding.MAX_SUBJECTS);
            assertThat(f.subjects().size() + f.moreSubjects()).isEqualTo(1 + 1_000);
        });
    }
}
