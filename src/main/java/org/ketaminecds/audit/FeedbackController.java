package org.ketaminecds.audit;

import org.ketaminecds.common.CanonicalJson;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.ketaminecds.security.EhrClient;
import org.springframework.http.MediaType;
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
    private final Clock clock;

    FeedbackController(HashChain chain, Clock clock) {
        this.chain = chain;
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
            FeedbackRecord record = new FeedbackRecord(UUID.randomUUID().toString(), clock.instant(), id,
                    item.card(), card == null ? null : (String) card.get("decision"),
                    card == null || "".equals(card.get("rule")) ? null : (String) card.get("rule"), card != null,
                    item.outcome(), CanonicalJson.ofValue(item.acceptedSuggestions()),
                    item.reason() == null ? null : item.reason().system(),
                    item.reason() == null ? null : item.reason().code(),
                    item.reason() == null ? null : item.reason().display(), item.userComment(),
                    item.outcomeTimestamp().toString(), client == null ? null : client.issuer(), item.dedupeKey());
            boolean appended = chain.append(ChainedTable.FEEDBACK, record, jdbc -> jdbc.queryForObject(
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
}
