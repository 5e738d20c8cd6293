package org.ketaminecds.rules;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.ketaminecds.audit.CanonicalJson;
import org.ketaminecds.audit.DecisionLog;
import org.ketaminecds.audit.DecisionRecord;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * {@code GET /api/audit/decisions/{id}/replay?pack=archived|live}: re-runs a recorded decision's facts with the
 * archived pack it used (a determinism check: {@code identical} must be true) or with the live pack (what would
 * change today). Under {@code /api/audit/}, so it is guarded like the rest of the audit trail.
 */
@RestController
class ReplayController {
    private final DecisionLog decisionLog;
    private final PackArchive archive;
    private final RuleEngine engine;
    private final CardView cardView;

    ReplayController(DecisionLog decisionLog, PackArchive archive, RuleEngine engine, CardView cardView) {
        this.decisionLog = decisionLog;
        this.archive = archive;
        this.engine = engine;
        this.cardView = cardView;
    }

    @GetMapping("/api/audit/decisions/{id}/replay")
    ResponseEntity<Map<String, Object>> replay(@PathVariable String id,
            @RequestParam(name = "pack", defaultValue = "archived") String which) {
        if (!which.equals("archived") && !which.equals("live")) {
            return problem(HttpStatus.BAD_REQUEST, "pack must be 'archived' or 'live'");
        }
        Optional<DecisionRecord> found = decisionLog.find(id);
        if (found.isEmpty()) {
            return problem(HttpStatus.NOT_FOUND, "no decision " + id);
        }
        DecisionRecord record = found.get();
        if (record.factsJson() == null || record.cardsJson() == null) {
            return problem(HttpStatus.CONFLICT, "decision " + id + " did not run the rules: nothing to replay");
        }
        Optional<RulePack> pack = which.equals("live") ? Optional.of(engine.live())
                : archive.pack(record.rulePackVersion());
        if (pack.isEmpty()) {
            return problem(HttpStatus.NOT_FOUND, "rule pack " + record.rulePackVersion() + " is not archived");
        }
        Replay.Recorded recorded = new Replay.Recorded(record.id(), record.recordedAt(), record.serviceId(),
                record.patientId(), record.rulePackVersion(), record.factsJson(), record.cardsJson());
        JsonNode cards = cardView.cards(Replay.evaluate(recorded, pack.get()), pack.get(), record.patientId());
        JsonNode before = CanonicalJson.parse(record.cardsJson());
        Replay.Result result = Replay.compare(recorded, pack.get().version(), Replay.cards(before),
                Replay.cards(cards));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("decisionId", id);
        body.put("packVersion", pack.get().version());
        body.put("identical", withoutUuids(cards).equals(withoutUuids(before)));
        body.put("added", result.added());
        body.put("removed", result.removed());
        body.put("changed", result.changed());
        return ResponseEntity.ok(body);
    }

    /** Card and suggestion uuids are fresh on every rendering; everything else must match. */
    static JsonNode withoutUuids(JsonNode node) {
        return org.ketaminecds.audit.CanonicalJson.without(node, "uuid");
    }

    private static ResponseEntity<Map<String, Object>> problem(HttpStatus status, String message) {
        return ResponseEntity.status(status).body(Map.of("error", message));
    }
}
