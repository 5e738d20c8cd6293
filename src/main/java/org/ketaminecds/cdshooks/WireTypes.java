package org.ketaminecds.cdshooks;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** The CDS Hooks 2.0 response wire types. Members without a value are omitted, never sent as null or empty. */
final class WireTypes {
    private WireTypes() {
    }

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    record CdsServiceJson(String hook, String title, String description, String id, Map<String, String> prefetch,
            String usageRequirements) {
    }

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    record CdsServicesJson(@JsonInclude(JsonInclude.Include.ALWAYS) List<CdsServiceJson> services) {
    }

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    record CodingJson(String system, String code, String display) {
    }

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    record SourceJson(String label, String url, String icon, CodingJson topic) {
    }

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    record ActionJson(String type, String description, JsonNode resource, String resourceId) {
    }

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    record SuggestionJson(String label, String uuid, Boolean isRecommended, List<ActionJson> actions) {
    }

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    record LinkJson(String label, String url, String type, String appContext) {
    }

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    record CardJson(String uuid, String summary, String detail, String indicator, SourceJson source,
            List<SuggestionJson> suggestions, String selectionBehavior, List<CodingJson> overrideReasons,
            List<LinkJson> links) {
    }

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    record CdsResponseJson(@JsonInclude(JsonInclude.Include.ALWAYS) List<CardJson> cards,
            List<ActionJson> systemActions) {
    }
}
