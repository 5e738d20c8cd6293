package org.ketaminecds.audit;

import java.util.LinkedHashMap;
import java.util.Map;
import org.ketaminecds.common.ApiException;
import org.ketaminecds.common.CanonicalJson;
import org.ketaminecds.common.ErrorCode;
import org.ketaminecds.rules.CardView;
import org.ketaminecds.rules.PackArchive;
import org.ketaminecds.rules.Replay;
import org.ketaminecds.rules.RuleEngine;
import org.ketaminecds.rules.RulePack;
import org.ketaminecds.rules.RulePackException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * {@code GET /api/audit/decisions/{id}/replay?pack=archived|live}: re-runs a recorded decision's facts with the
 * archived pack it used (a determinism check: {@code identical} must be true) or with the live pack (what would
 * change today). Under {@code /api/audit/}, so it is guarded and access-logged like the rest of the audit trail.
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
    Map<String, Object> replay(@PathVariable String id,
            @RequestParam(name = "pack", defaultValue = "archived") String which) {
        if (!which.equals("archived") && !which.equals("live")) {
            throw new ApiException(ErrorCode.INVALID_FIELD, "pack must be 'archived' or 'live'.", "pack");
        }
        DecisionRecord record = decisionLog.find(id)
                .orElseThrow(() -> new ApiException(ErrorCode.NOT_FOUND, "No decision " + id + "."));
        if (record.factsJson() == null || record.cardsJson() == null) {
            throw new ApiException(ErrorCode.CONFLICT, "Decision " + id + " did not run the rules: nothing to replay.");
        }
        RulePack pack = which.equals("live") ? engine.live() : archived(record.rulePackVersion());
        Replay.Recorded recorded = record.replayable();
        JsonNode cards = cardView.cards(Replay.evaluate(recorded, pack), pack, record.patientId());
        JsonNode before = CanonicalJson.parse(record.cardsJson());
        Replay.Result result = Replay.compare(recorded, pack.version(), Replay.cards(before), Replay.cards(cards));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("decisionId", id);
        body.put("packVersion", pack.version());
        body.put("identical", CanonicalJson.without(cards, "uuid").equals(CanonicalJson.without(before, "uuid")));
        body.put("added", result.added());
        body.put("removed", result.removed());
        body.put("changed", result.changed());
        return body;
    }

    private RulePack archived(String version) {
        try {
            return archive.pack(version).orElseThrow(() -> new ApiException(ErrorCode.NOT_FOUND, "Rule pack "
                    + version + " is not archived."));
        } catch (RulePackException e) {
            // Its DRL no longer compiles against this version's fact model: the record stays readable (replay it
            // with pack=live), the old pack cannot run.
            throw new ApiException(ErrorCode.CONFLICT, "Archived rule pack " + version + " no longer builds with this "
                    + "version's fact model; replay with pack=live.");
        }
    }
}
