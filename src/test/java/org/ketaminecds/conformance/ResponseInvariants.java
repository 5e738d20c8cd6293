package org.ketaminecds.conformance;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * The CDS Hooks 2.0 rules a service response must follow (spec §Card attributes, Source, Suggestion, Action, Link,
 * Coding, and the 3.0 FSH invariants cds-resp-2..6), as a list of violations; empty when the response conforms.
 */
final class ResponseInvariants {
    private static final Set<String> INDICATORS = Set.of("info", "warning", "critical");
    private static final Set<String> SELECTION = Set.of("at-most-one", "any");
    private static final Set<String> ACTION_TYPES = Set.of("create", "update", "delete");
    private static final Set<String> LINK_TYPES = Set.of("absolute", "smart");
    private final List<String> violations = new ArrayList<>();

    private ResponseInvariants() {
    }

    static List<String> of(JsonNode response) {
        ResponseInvariants check = new ResponseInvariants();
        check.response(response);
        return check.violations;
    }

    private void response(JsonNode response) {
        noNullOrEmpty(response, "$", true);
        JsonNode cards = response.get("cards");
        require(cards != null && cards.isArray(), "$.cards must be an array");
        Set<String> uuids = new HashSet<>();
        for (int i = 0; cards != null && i < cards.size(); i++) {
            card(cards.get(i), "$.cards[" + i + "]", uuids);
        }
        JsonNode systemActions = response.get("systemActions");
        for (int i = 0; systemActions != null && i < systemActions.size(); i++) {
            action(systemActions.get(i), "$.systemActions[" + i + "]");
        }
    }

    private void card(JsonNode card, String at, Set<String> uuids) {
        if (card.has("uuid")) {
            require(card.get("uuid").isString(), at + ".uuid must be a string");
            require(uuids.add(card.get("uuid").asString()), at + ".uuid must be unique");
        }
        require(string(card, "summary") && card.get("summary").asString().length() < 140,
                at + ".summary is required, under 140 characters");
        require(!card.has("detail") || card.get("detail").isString(), at + ".detail must be a markdown string");
        require(string(card, "indicator") && INDICATORS.contains(card.get("indicator").asString()),
                at + ".indicator must be info, warning or critical");
        JsonNode source = card.get("source");
        require(source != null && source.isObject() && string(source, "label"), at + ".source.label is required");
        if (source != null) {
            absoluteUrl(source, "url", at + ".source");
            absoluteUrl(source, "icon", at + ".source");
            if (source.has("topic")) {
                coding(source.get("topic"), at + ".source.topic", false);
            }
        }
        JsonNode suggestions = card.get("suggestions");
        if (suggestions != null) {
            require(suggestions.isArray(), at + ".suggestions must be an array");
            require(string(card, "selectionBehavior") && SELECTION.contains(card.get("selectionBehavior").asString()),
                    at + ".selectionBehavior must be at-most-one or any when suggestions exist (cds-resp-6)");
            for (int i = 0; i < suggestions.size(); i++) {
                suggestion(suggestions.get(i), at + ".suggestions[" + i + "]");
            }
        }
        JsonNode reasons = card.get("overrideReasons");
        for (int i = 0; reasons != null && i < reasons.size(); i++) {
            coding(reasons.get(i), at + ".overrideReasons[" + i + "]", true);
        }
        JsonNode links = card.get("links");
        for (int i = 0; links != null && i < links.size(); i++) {
            link(links.get(i), at + ".links[" + i + "]");
        }
    }

    private void suggestion(JsonNode suggestion, String at) {
        require(string(suggestion, "label"), at + ".label is required");
        require(!suggestion.has("uuid") || suggestion.get("uuid").isString(), at + ".uuid must be a string");
        require(!suggestion.has("isRecommended") || suggestion.get("isRecommended").isBoolean(),
                at + ".isRecommended must be a boolean");
        JsonNode actions = suggestion.get("actions");
        require(actions == null || actions.isArray(), at + ".actions must be an array");
        for (int i = 0; actions != null && i < actions.size(); i++) {
            action(actions.get(i), at + ".actions[" + i + "]");
        }
    }

    private void action(JsonNode action, String at) {
        require(string(action, "type") && ACTION_TYPES.contains(action.get("type").asString()),
                at + ".type must be create, update or delete");
        require(string(action, "description"), at + ".description is required (cds-resp-5)");
        String type = action.path("type").asString("");
        if (type.equals("create") || type.equals("update")) {
            require(action.path("resource").has("resourceType"), at + ".resource must be a FHIR resource");
        }
        if (type.equals("delete")) {
            require(!action.has("resource"), at + " delete must not use resource (cds-resp-2)");
            require(string(action, "resourceId"), at + " delete should give resourceId");
        }
        require(!action.has("resourceId") || action.get("resourceId").isString(), at + ".resourceId must be a string");
    }

    private void link(JsonNode link, String at) {
        require(string(link, "label"), at + ".label is required");
        require(string(link, "url") && absolute(link.get("url").asString()), at + ".url must be an absolute URL");
        require(string(link, "type") && LINK_TYPES.contains(link.get("type").asString()),
                at + ".type must be absolute or smart");
        if (link.has("appContext")) {
            require(link.get("appContext").isString(), at + ".appContext must be a string");
            require("smart".equals(link.path("type").asString("")), at + ".appContext only on smart links (cds-resp-3)");
        }
    }

    private void coding(JsonNode coding, String at, boolean displayRequired) {
        require(string(coding, "code") && string(coding, "system"), at + " needs code and system");
        require(!displayRequired || string(coding, "display"), at + ".display is required (cds-resp-4)");
    }

    private void absoluteUrl(JsonNode node, String field, String at) {
        if (node.has(field)) {
            require(node.get(field).isString() && absolute(node.get(field).asString()),
                    at + "." + field + " must be an absolute URL");
        }
    }

    /** Spec §Use of JSON: no null, no empty array or object, except the empty cards array. */
    private void noNullOrEmpty(JsonNode node, String at, boolean root) {
        require(!node.isNull(), at + " must not be null");
        if (node.isContainer() && node.isEmpty() && !root && !at.equals("$.cards")) {
            violations.add(at + " must not be empty");
        }
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                // A FHIR resource follows FHIR's rules, not CDS Hooks'; it is checked for being a resource only.
                if (!e.getKey().equals("resource")) {
                    noNullOrEmpty(e.getValue(), at + "." + e.getKey(), false);
                }
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                noNullOrEmpty(node.get(i), at + "[" + i + "]", false);
            }
        }
    }

    private static boolean string(JsonNode node, String field) {
        return node.has(field) && node.get(field).isString() && !node.get(field).asString().isBlank();
    }

    private static boolean absolute(String url) {
        try {
            return URI.create(url).isAbsolute();
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private void require(boolean condition, String violation) {
        if (!condition) {
            violations.add(violation);
        }
    }
}
