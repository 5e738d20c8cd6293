package org.ketaminecds.audit;

import org.ketaminecds.common.CanonicalJson;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/** The auditor's reads: searches, decision detail with its feedback and chain links. */
@Component
class AuditTrail {
    private static final ChainedTable<DecisionRecord> TABLE = ChainedTable.DECISIONS;
    private final JdbcTemplate jdbc;

    AuditTrail(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The columns of a search result: what identifies a decision and its outcome, all of bounded width. */
    private static final String SUMMARY_COLUMNS = "d.id, d.recorded_at, d.service_id, d.hook, d.hook_instance, "
            + "d.patient_id, d.user_id, d.encounter_id, d.client_issuer, d.client_jti, d.rule_pack_version, "
            + "d.http_status, d.error_code, d.latency_ms";

    /**
     * One page of a search as summaries: the decision's identifying columns and, per card, its rule, indicator and
     * summary (from the card index). Never the inputs, facts, fired rules or card details, whose size grows with the
     * request: a page is bounded by the page size times the widths of these columns.
     */
    List<Map<String, Object>> summaries(DecisionQuery query) {
        List<Object> parameters = new ArrayList<>();
        String where = query.where(parameters);
        List<Map<String, Object>> items = jdbc.query("SELECT " + SUMMARY_COLUMNS + " FROM decision_record d" + where
                + " ORDER BY d.chain_seq DESC OFFSET " + (long) query.page() * query.size() + " ROWS FETCH NEXT "
                + query.size() + " ROWS ONLY", (rs, n) -> {
                    Map<String, Object> item = new LinkedHashMap<>();
                    item.put("id", rs.getString("id"));
                    item.put("recordedAt", rs.getObject("recorded_at", java.time.OffsetDateTime.class).toInstant()
                            .toString());
                    for (String[] column : new String[][] {{"service_id", "serviceId"}, {"hook", "hook"},
                            {"hook_instance", "hookInstance"}, {"patient_id", "patientId"}, {"user_id", "userId"},
                            {"encounter_id", "encounterId"}, {"client_issuer", "clientIssuer"},
                            {"client_jti", "clientJti"}, {"rule_pack_version", "rulePackVersion"}}) {
                        item.put(column[1], rs.getString(column[0]));
                    }
                    item.put("httpStatus", rs.getInt("http_status"));
                    item.put("errorCode", rs.getString("error_code"));
                    item.put("latencyMs", rs.getLong("latency_ms"));
                    item.values().removeIf(v -> v == null);
                    item.put("cards", new ArrayList<Map<String, Object>>());
                    return item;
                }, parameters.toArray());
        if (!items.isEmpty()) {
            Map<String, List<Map<String, Object>>> cards = new HashMap<>();
            items.forEach(item -> cards.put((String) item.get("id"), cardList(item)));
            jdbc.query("SELECT decision_id, card_uuid, rule_id, indicator, summary FROM decision_card WHERE decision_id "
                    + "IN (" + String.join(",", java.util.Collections.nCopies(items.size(), "?")) + ") ORDER BY seq",
                    rs -> {
                        Map<String, Object> card = new LinkedHashMap<>();
                        card.put("uuid", rs.getString("card_uuid"));
                        card.put("ruleId", rs.getString("rule_id"));
                        card.put("indicator", rs.getString("indicator"));
                        card.put("summary", rs.getString("summary"));
                        card.values().removeIf(v -> v == null);
                        cards.get(rs.getString("decision_id")).add(card);
                    }, items.stream().map(i -> i.get("id")).toArray());
        }
        return items;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> cardList(Map<String, Object> item) {
        return (List<Map<String, Object>>) item.get("cards");
    }

    /** The ids of a search, newest first: an export reads the records one at a time. */
    List<String> ids(DecisionQuery query) {
        List<Object> parameters = new ArrayList<>();
        String where = query.where(parameters);
        return jdbc.queryForList("SELECT d.id FROM decision_record d" + where + " ORDER BY d.chain_seq DESC OFFSET "
                + (long) query.page() * query.size() + " ROWS FETCH NEXT " + query.size() + " ROWS ONLY",
                String.class, parameters.toArray());
    }

    long count(DecisionQuery query) {
        List<Object> parameters = new ArrayList<>();
        String where = query.where(parameters);
        return jdbc.queryForObject("SELECT count(*) FROM decision_record d" + where, Long.class, parameters.toArray());
    }

    Optional<DecisionRecord> find(String id) {
        return jdbc.query("SELECT " + TABLE.columnList() + " FROM decision_record WHERE id = ?", TABLE.rows(), id)
                .stream().findFirst();
    }

    /** The feedback given on the decision's cards, oldest first. */
    List<Map<String, Object>> feedback(String decisionId) {
        return jdbc.query("SELECT id, received_at, card_uuid, rule_id, outcome, accepted_suggestions_json, "
                + "reason_system, reason_code, reason_display, user_comment, outcome_timestamp FROM card_feedback "
                + "WHERE decision_id = ? ORDER BY chain_seq", (rs, n) -> {
                    Map<String, Object> item = new LinkedHashMap<>();
                    item.put("id", rs.getString("id"));
                    item.put("receivedAt", rs.getObject("received_at", java.time.OffsetDateTime.class).toInstant()
                            .toString());
                    item.put("card", rs.getString("card_uuid"));
                    item.put("ruleId", rs.getString("rule_id"));
                    item.put("outcome", rs.getString("outcome"));
                    item.put("acceptedSuggestions", json(rs.getString("accepted_suggestions_json")));
                    if (rs.getString("reason_code") != null || rs.getString("reason_display") != null) {
                        Map<String, Object> reason = new LinkedHashMap<>();
                        reason.put("system", rs.getString("reason_system"));
                        reason.put("code", rs.getString("reason_code"));
                        reason.put("display", rs.getString("reason_display"));
                        reason.values().removeIf(v -> v == null);
                        item.put("reason", reason);
                    }
                    item.put("userComment", rs.getString("user_comment"));
                    item.put("outcomeTimestamp", rs.getString("outcome_timestamp"));
                    item.values().removeIf(v -> v == null);
                    return item;
                }, decisionId);
    }

    /** Where the record sits in the decision chain. */
    Map<String, Object> chainLink(String decisionId) {
        return jdbc.query("SELECT chain_seq, prev_hash, record_hash FROM decision_record WHERE id = ?", (rs, n) -> {
            Map<String, Object> link = new LinkedHashMap<>();
            link.put("position", rs.getLong("chain_seq"));
            link.put("prevHash", rs.getString("prev_hash"));
            link.put("recordHash", rs.getString("record_hash"));
            return link;
        }, decisionId).stream().findFirst().orElse(Map.of());
    }

    static Map<String, Object> view(DecisionRecord r) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", r.id());
        view.put("recordedAt", r.recordedAt().toString());
        view.put("serviceId", r.serviceId());
        view.put("hook", r.hook());
        view.put("hookInstance", r.hookInstance());
        view.put("patientId", r.patientId());
        view.put("userId", r.userId());
        view.put("encounterId", r.encounterId());
        view.put("clientIssuer", r.clientIssuer());
        view.put("clientJti", r.clientJti());
        view.put("inputHash", r.inputHash());
        view.put("inputs", json(r.inputsJson()));
        view.put("facts", json(r.factsJson()));
        view.put("rulePackVersion", r.rulePackVersion());
        view.put("firedRules", json(r.firedRulesJson()));
        view.put("cards", json(r.cardsJson()));
        view.put("httpStatus", r.httpStatus());
        view.put("errorCode", r.errorCode());
        view.put("latencyMs", r.latencyMs());
        view.values().removeIf(v -> v == null);
        return view;
    }

    private static JsonNode json(String text) {
        return text == null ? null : CanonicalJson.parse(text);
    }
}
