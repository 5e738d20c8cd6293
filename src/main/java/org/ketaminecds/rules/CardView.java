package org.ketaminecds.rules;

import tools.jackson.databind.JsonNode;

/**
 * Renders an outcome's cards exactly as the CDS Hooks service returns and records them (a JSON array of cards).
 * Implemented by the CDS Hooks module, so a replay can compare whole cards without this module depending on it.
 */
public interface CardView {

    /** The cards for {@code outcome} evaluated by {@code pack}, for {@code patientId}, as canonical JSON. */
    JsonNode cards(RuleOutcome outcome, RulePack pack, String patientId);
}
