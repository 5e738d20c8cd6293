package org.ketaminecds.cdshooks;

import org.ketaminecds.common.CanonicalJson;
import org.ketaminecds.rules.CardView;
import org.ketaminecds.rules.RuleOutcome;
import org.ketaminecds.rules.RulePack;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/** The service's own card rendering, for replays: the same renderer and the same JSON as a decision record. */
@Component
class CardPreview implements CardView {
    private final CardRenderer renderer;

    CardPreview(CardRenderer renderer) {
        this.renderer = renderer;
    }

    @Override
    public JsonNode cards(RuleOutcome outcome, RulePack pack, String patientId) {
        return CanonicalJson.parse(CanonicalJson.ofValue(renderer.render(outcome, pack, patientId)));
    }
}
