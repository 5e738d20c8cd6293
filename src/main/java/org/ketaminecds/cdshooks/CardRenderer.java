package org.ketaminecds.cdshooks;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.ketaminecds.cdshooks.WireTypes.CardJson;
import org.ketaminecds.cdshooks.WireTypes.CodingJson;
import org.ketaminecds.cdshooks.WireTypes.SourceJson;
import org.ketaminecds.cdshooks.WireTypes.SuggestionJson;
import org.ketaminecds.facts.Evaluation;
import org.ketaminecds.facts.Finding;
import org.ketaminecds.facts.Indicator;
import org.ketaminecds.rules.CatalogueEntry;
import org.ketaminecds.rules.EvidenceSource;
import org.ketaminecds.rules.RuleOutcome;
import org.ketaminecds.rules.RulePack;

/**
 * Turns findings into cards, one card per rule (decisions.md): the summary and detail from the rule catalogue,
 * the triggering resources and how each matched, the local-policy values, the evidence with its citation,
 * {@code source.topic} carrying the rule id, override reasons on warning and critical cards, and suggestions.
 */
final class CardRenderer {
    /** The one stable system of {@code source.topic}; its codes are the rule ids. */
    static final String TOPIC_SYSTEM = "https://ketamine-cds.example.org/rules";
    static final String OVERRIDE_SYSTEM = "https://ketamine-cds.example.org/CodeSystem/override-reason";
    static final List<CodingJson> OVERRIDE_REASONS = List.of(
            new CodingJson(OVERRIDE_SYSTEM, "specialist-clearance", "Specialist clearance documented"),
            new CodingJson(OVERRIDE_SYSTEM, "benefit-outweighs-risk", "Benefit outweighs risk, documented"),
            new CodingJson(OVERRIDE_SYSTEM, "patient-declined-alternative", "Patient declined alternative"),
            new CodingJson(OVERRIDE_SYSTEM, "data-out-of-date", "Data out of date or incorrect"));
    static final int SUMMARY_LIMIT = 139;

    private final Supplier<UUID> uuids;
    private final CardSuggestions suggestions;

    CardRenderer(Supplier<UUID> uuids, CardSuggestions suggestions) {
        this.uuids = uuids;
        this.suggestions = suggestions;
    }

    List<CardJson> render(RuleOutcome outcome, RulePack pack, String patientId) {
        Map<String, List<Finding>> byRule = new LinkedHashMap<>();
        outcome.findings().forEach(f -> byRule.computeIfAbsent(f.ruleId(), k -> new ArrayList<>()).add(f));
        Evaluation evaluation = outcome.facts().evaluation();
        List<CardJson> cards = new ArrayList<>();
        byRule.forEach((ruleId, findings) -> cards.add(card(ruleId, findings, evaluation, pack, patientId)));
        cards.sort(Comparator.comparing((CardJson c) -> Indicator.valueOf(c.indicator().toUpperCase(java.util.Locale.ROOT)))
                .reversed().thenComparing(c -> c.source().topic().code()));
        return cards;
    }

    private CardJson card(String ruleId, List<Finding> findings, Evaluation evaluation, RulePack pack,
            String patientId) {
        CatalogueEntry entry = pack.catalogueEntry(ruleId).orElseGet(() -> new CatalogueEntry(ruleId, ruleId,
                List.of(), "Rule " + ruleId + " applies to {product}", "", null));
        Indicator indicator = findings.stream().map(Finding::indicator).reduce(Indicator.INFO, Indicator::max);
        List<EvidenceSource> evidence = entry.evidence().stream().map(pack::evidence)
                .flatMap(java.util.Optional::stream).toList();
        EvidenceSource primary = evidence.isEmpty() ? null : evidence.get(0);
        SourceJson source = new SourceJson(primary == null ? "ketamine-cds rule " + ruleId : primary.label(),
                primary == null ? null : primary.url(), null, new CodingJson(TOPIC_SYSTEM, ruleId, entry.title()));
        String product = evaluation.product() == null ? "ketamine" : evaluation.product().label();
        List<SuggestionJson> suggested = suggestions.forCard(entry, indicator, evaluation, product, patientId);
        return new CardJson(uuids.get().toString(), summary(entry, findings, product),
                new CardDetail(entry, findings, evidence, product).markdown(), indicator.wire(), source,
                suggested, suggested.isEmpty() ? null : "at-most-one",
                indicator == Indicator.INFO ? null : OVERRIDE_REASONS, null);
    }

    static String summary(CatalogueEntry entry, List<Finding> findings, String product) {
        Set<String> subjects = new LinkedHashSet<>();
        Map<String, String> values = new LinkedHashMap<>();
        int length = 0;
        for (Finding finding : findings) {
            for (Finding.Subject subject : finding.subjects()) {
                // The summary is cut to SUMMARY_LIMIT: joining more labels than fit would only cost memory.
                String label = subject.label() == null ? "" : CardDetail.cut(subject.label(), SUMMARY_LIMIT);
                if (length <= SUMMARY_LIMIT && subjects.add(label)) {
                    length += label.length() + 2;
                }
            }
            finding.values().forEach(values::putIfAbsent);
        }
        String text = entry.summary().replace("{product}", product).replace("{subjects}", String.join(", ", subjects));
        for (var value : values.entrySet()) {
            text = text.replace("{" + value.getKey() + "}", value.getValue());
        }
        text = text.replaceAll("\\{[A-Za-z0-9:._-]+}", "").replaceAll("\\(\\s*\\)", "").replaceAll("\\s{2,}", " ").strip();
        if (Character.isLowerCase(text.charAt(0))) {
            text = Character.toUpperCase(text.charAt(0)) + text.substring(1);
        }
        return text.length() <= SUMMARY_LIMIT ? text : text.substring(0, SUMMARY_LIMIT - 1).strip() + "…";
    }
}
