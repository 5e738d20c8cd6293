package org.ketaminecds.cdshooks;

import org.ketaminecds.common.ApiException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.ketaminecds.common.CanonicalJson;
import org.ketaminecds.cdshooks.WireTypes.CardJson;
import org.ketaminecds.cdshooks.WireTypes.CdsResponseJson;
import org.ketaminecds.fhir.FactMapper;
import org.ketaminecds.fhir.FhirJson;
import org.ketaminecds.fhir.PrefetchResolver;
import org.ketaminecds.rules.FiredRule;
import org.ketaminecds.rules.HookDecider;
import org.ketaminecds.rules.RuleOutcome;
import org.ketaminecds.rules.RulePack;
import org.springframework.stereotype.Component;
import tools.jackson.databind.node.ObjectNode;

/**
 * The steps of {@link DecisionService} without HTTP, audit or FHIR server: parse, decide the treatment, resolve
 * the prefetch, map, evaluate with the given pack, render. For JSON rule scenarios, which must carry all their
 * data in {@code prefetch} (nothing is fetched). The steps are {@link HookPipeline}'s, shared with live calls.
 */
@Component
public class OfflineDecisions implements HookDecider {
    private final ServiceCatalogue catalogue = new ServiceCatalogue();
    private final RequestParser parser;
    private final HookPipeline pipeline;

    public OfflineDecisions(FhirJson fhirJson) {
        this.parser = new RequestParser(RequestLimits.defaults(), fhirJson);
        this.pipeline = new HookPipeline(new PrefetchResolver(fhirJson, (access, key, query) -> Optional.empty()),
                new FactMapper(), new CardRenderer(UUID::randomUUID, new CardSuggestions(UUID::randomUUID, fhirJson)));
    }

    @Override
    public Decided decide(String serviceId, ObjectNode body, Instant now, RulePack pack) {
        try {
            CdsService service = catalogue.find(serviceId).orElseThrow(() -> new IllegalArgumentException(
                    "no CDS service '" + serviceId + "'"));
            HookRequest request = parser.parse(body, service);
            List<FiredRule> fired = new java.util.ArrayList<>();
            List<CardJson> cards = pipeline.run(service, request, pack, now, new HookPipeline.Steps() {
                @Override
                public void resolved(List<org.ketaminecds.fhir.ResourceUse> inputs) {
                    // offline: nothing is recorded
                }

                @Override
                public void evaluated(RuleOutcome outcome) {
                    fired.addAll(outcome.fired());
                }
            });
            return decided(cards, fired);
        } catch (ApiException e) {
            throw new IllegalArgumentException(e.error().code() + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            if (e instanceof IllegalArgumentException) {
                throw e;
            }
            throw new IllegalArgumentException(e.getClass().getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    private static Decided decided(List<CardJson> cards, List<FiredRule> fired) {
        var response = CanonicalJson.parse(CanonicalJson.ofValue(new CdsResponseJson(cards, null)));
        java.util.Map<String, String> byRule = new java.util.TreeMap<>();
        cards.forEach(c -> byRule.put(c.source().topic().code(), c.indicator()));
        return new Decided(byRule, fired, response);
    }
}
