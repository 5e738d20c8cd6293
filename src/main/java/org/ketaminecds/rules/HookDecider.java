package org.ketaminecds.rules;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Decides a whole CDS Hooks request with a given pack, offline (no audit record, no FHIR server): what JSON
 * scenarios run. Implemented by the CDS Hooks module with the service's own parsing, mapping and rendering.
 */
public interface HookDecider {

    /**
     * Decides {@code request} sent to {@code serviceId} as if the clock read {@code now}.
     *
     * @throws IllegalArgumentException when the request is refused (unknown service, invalid request or data),
     *     with the reason a client would get
     */
    Decided decide(String serviceId, ObjectNode request, Instant now, RulePack pack);

    /**
     * A decision.
     *
     * @param cards rule id to indicator, one entry per card
     * @param fired the rules that fired, in firing order (empty when the request was not about a ketamine treatment)
     * @param response the CDS Hooks response, {@code {"cards": [...]}}
     */
    record Decided(Map<String, String> cards, List<FiredRule> fired, JsonNode response) {
    }
}
