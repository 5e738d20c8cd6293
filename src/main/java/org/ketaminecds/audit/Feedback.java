package org.ketaminecds.audit;

import org.ketaminecds.common.ApiException;
import org.ketaminecds.common.CanonicalJson;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.ketaminecds.common.ErrorCode;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * One item of a CDS Hooks 2.0 feedback body.
 *
 * @param card the card's uuid
 * @param outcome {@code accepted} or {@code overridden}
 * @param acceptedSuggestions the accepted suggestions' uuids
 * @param reason the override reason Coding, may be null
 * @param userComment the clinician's comment, may be null
 * @param outcomeTimestamp when the clinician acted
 */
record Feedback(String card, String outcome, List<String> acceptedSuggestions, Reason reason, String userComment,
        Instant outcomeTimestamp) {

    /** An override reason Coding. */
    record Reason(String system, String code, String display) {
    }

    /** The items of a feedback body; Epic's plural {@code overrideReasons} is read like {@code overrideReason}. */
    static List<Feedback> parse(String body) {
        JsonNode root;
        try {
            root = body == null || body.isBlank() ? null : CanonicalJson.parse(body);
        } catch (JacksonException e) {
            throw new ApiException(ErrorCode.MALFORMED_JSON, "The feedback body is not valid JSON.", null);
        }
        if (root == null || !root.isObject() || !root.path("feedback").isArray() || root.path("feedback").isEmpty()) {
            throw new ApiException(ErrorCode.MISSING_FIELD, "The body must be {\"feedback\":[...]} with at "
                    + "least one item.", "feedback");
        }
        List<Feedback> items = new ArrayList<>();
        int i = 0;
        for (JsonNode item : root.get("feedback")) {
            items.add(item(item, "feedback[" + i++ + "]"));
        }
        return items;
    }

    private static Feedback item(JsonNode item, String at) {
        String card = text(item, "card", at, true);
        String outcome = text(item, "outcome", at, true);
        if (!outcome.equals("accepted") && !outcome.equals("overridden")) {
            throw new ApiException(ErrorCode.INVALID_FIELD, "outcome must be accepted or overridden.",
                    at + ".outcome");
        }
        Instant timestamp;
        try {
            timestamp = OffsetDateTime.parse(text(item, "outcomeTimestamp", at, true)).toInstant();
        } catch (DateTimeParseException e) {
            throw new ApiException(ErrorCode.INVALID_FIELD, "outcomeTimestamp must be an RFC 3339 date-time.",
                    at + ".outcomeTimestamp");
        }
        List<String> accepted = new ArrayList<>();
        JsonNode suggestions = item.path("acceptedSuggestions");
        if (!suggestions.isMissingNode() && !suggestions.isArray()) {
            throw new ApiException(ErrorCode.INVALID_FIELD, "acceptedSuggestions must be an array.",
                    at + ".acceptedSuggestions");
        }
        suggestions.forEach(s -> accepted.add(text(s, "id", at + ".acceptedSuggestions", true)));
        JsonNode override = item.has("overrideReason") ? item.get("overrideReason") : item.path("overrideReasons");
        if (override.isArray()) {
            override = override.path(0);
        }
        Reason reason = null;
        String comment = null;
        if (override.isObject()) {
            JsonNode coding = override.path("reason");
            if (coding.isObject()) {
                reason = new Reason(text(coding, "system", at, false), text(coding, "code", at, false),
                        text(coding, "display", at, false));
            }
            comment = text(override, "userComment", at, false);
        }
        return new Feedback(card, outcome, List.copyOf(accepted), reason, comment, timestamp);
    }

    private static String text(JsonNode node, String field, String at, boolean required) {
        JsonNode value = node.path(field);
        if (value.isString() && !value.asString().isBlank()) {
            return value.asString();
        }
        if (required || !value.isMissingNode() && !value.isNull()) {
            throw new ApiException(required ? ErrorCode.MISSING_FIELD : ErrorCode.INVALID_FIELD,
                    field + " must be a non-empty string.", at + "." + field);
        }
        return null;
    }

    /** The same card, outcome and timestamp is one piece of feedback, however often the EHR retries it. */
    String dedupeKey() {
        return CanonicalJson.sha256(card + "|" + outcome + "|" + outcomeTimestamp);
    }
}
