package org.ketaminecds.cdshooks;

import org.ketaminecds.common.ErrorCode;
import java.time.Clock;
import java.util.List;
import org.ketaminecds.common.CanonicalJson;
import org.ketaminecds.audit.DecisionRecord;
import org.ketaminecds.cdshooks.WireTypes.CardJson;
import org.ketaminecds.fhir.ResourceUse;
import org.ketaminecds.rules.FactSnapshot;
import org.ketaminecds.rules.RuleOutcome;
import org.ketaminecds.security.EhrClient;

/** Collects what one call did, step by step, for its audit record. */
final class DecisionDraft {
    final String id;
    final String serviceId;
    private final EhrClient client;
    private final long startNanos = System.nanoTime();
    private HookRequest request;
    private List<ResourceUse> inputs = List.of();
    private RuleOutcome outcome;
    private String packVersion;
    private List<CardJson> cards = List.of();

    DecisionDraft(String id, String serviceId, EhrClient client) {
        this.id = id;
        this.serviceId = serviceId;
        this.client = client == null ? EhrClient.UNAUTHENTICATED : client;
    }

    void request(HookRequest request) {
        this.request = request;
    }

    HookRequest request() {
        return request;
    }

    void inputs(List<ResourceUse> inputs) {
        this.inputs = inputs;
    }

    void packVersion(String packVersion) {
        this.packVersion = packVersion;
    }

    void outcome(RuleOutcome outcome) {
        this.outcome = outcome;
    }

    void cards(List<CardJson> cards) {
        this.cards = cards;
    }

    int cardCount() {
        return cards.size();
    }

    DecisionRecord record(Clock clock, int status, ErrorCode error) {
        long latencyMs = (System.nanoTime() - startNanos) / 1_000_000;
        HookRequest r = request;
        return new DecisionRecord(id, clock.instant(), serviceId, r == null ? null : r.hook(),
                r == null ? null : r.hookInstance(), r == null ? null : r.patientId(), r == null ? null : r.userId(),
                r == null ? null : r.encounterId(), client.issuer(), client.jti(), r == null ? null : r.inputHash(),
                CanonicalJson.ofValue(inputs), outcome == null ? null : FactSnapshot.write(outcome.facts()),
                outcome != null ? outcome.packVersion() : packVersion,
                outcome == null ? "[]" : CanonicalJson.ofValue(outcome.fired()), CanonicalJson.ofValue(cards), status,
                error == null ? null : error.code(), latencyMs);
    }
}
