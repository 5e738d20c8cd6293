package org.ketaminecds.audit;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.ketaminecds.security.EhrClient;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /cds-services/{id}/feedback} (CDS Hooks 2.0): each item is appended to the {@code feedback} hash chain,
 * linked to its decision through the card uuid. Retries are stored once; feedback on a card this service never
 * sent is kept and flagged ({@code known_card = false}), never dropped. The EHR JWT filter guards the URL.
 */
@RestController
class FeedbackController {
    private final HashChain chain;
    private final AuditErrors errors;
    private final Clock clock;

    FeedbackController(HashChain chain, AuditErrors errors, Clock clock) {
        this.chain = chain;
        this.errors = errors;
        this.clock = clock;
    }

    @PostMapping(path = "/cds-services/{id}/feedback", produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> feedback(@PathVariable String id, @RequestBody(required = false) String body,
            HttpServletRequest request) {
        List<Feedback> items = Feedback.parse(body);
        EhrClient client = (EhrClient) request.getAttribute(EhrClient.ATTRIBUTE);
        int stored = 0;
        List<String> unknown = new ArrayList<>();
        for (Feedback item : items) {
            Map<String, Object> card = chain.jdbc().query("SELECT decision_id, rule_id FROM decision_card WHERE "
                    + "card_uuid = ?", (rs, n) -> Map.<String, Object>of("decision", rs.getString("decision_id"),
                    "rule", rs.getString("rule_id") == null ? "" : rs.getString("rule_id")), item.card())
                    .stream().findFirst().orElse(null);
            if (card == null) {
                unknown.add(item.card());
            }
            Map<String, Object> content = new LinkedHashMap<>();
            content.put("id", UUID.randomUUID().toString());
            content.put("received_at", ChainedTable.stored(clock.instant()));
            content.put("service_id", JdbcDecisionLog.cut(id, 200));
            content.put("card_uuid", JdbcDecisionLog.cut(item.card(), 200));
            content.put("decision_id", card == null ? null : card.get("decision"));
            content.put("rule_id", card == null || "".equals(card.get("rule")) ? null : card.get("rule"));
            content.put("known_card", card != null);
            content.put("outcome", item.outcome());
            content.put("accepted_suggestions_json", CanonicalJson.ofValue(item.acceptedSuggestions()));
            content.put("reason_system", item.reason() == null ? null : JdbcDecisionLog.cut(item.reason().system(), 500));
            content.put("reason_code", item.reason() == null ? null : JdbcDecisionLog.cut(item.reason().code(), 200));
            content.put("reason_display", item.reason() == null ? null
                    : JdbcDecisionLog.cut(item.reason().display(), 500));
            content.put("user_comment", item.userComment());
            content.put("outcome_timestamp", item.outcomeTimestamp().toString());
            content.put("client_issuer", client == null ? null : JdbcDecisionLog.cut(client.issuer(), 500));
            content.put("dedupe_key", item.dedupeKey());
            boolean appended = chain.append(ChainedTable.FEEDBACK, content, jdbc -> jdbc.queryForObject(
                    "SELECT count(*) FROM card_feedback WHERE dedupe_key = ?", Long.class, item.dedupeKey()) == 0,
                    jdbc -> { });
            stored += appended ? 1 : 0;
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("received", items.size());
        answer.put("stored", stored);
        answer.put("duplicates", items.size() - stored);
        answer.put("unknownCards", unknown);
        return answer;
    }

    @ExceptionHandler(AuditErrors.BadRequest.class)
    ResponseEntity<String> badRequest(AuditErrors.BadRequest e) {
        return errors.response(e.error, e.getMessage(), e.expression);
    }
}
