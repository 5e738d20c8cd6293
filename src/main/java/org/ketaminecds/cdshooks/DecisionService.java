package org.ketaminecds.cdshooks;

import org.ketaminecds.common.ApiException;
import org.ketaminecds.common.ErrorCode;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.ketaminecds.audit.DecisionLog;
import org.ketaminecds.audit.DecisionRecord;
import org.ketaminecds.cdshooks.WireTypes.CardJson;
import org.ketaminecds.fhir.FactMapper;
import org.ketaminecds.fhir.PrefetchResolver;
import org.ketaminecds.fhir.ResourceUse;
import org.ketaminecds.rules.EvaluationStopped;
import org.ketaminecds.rules.RuleEngine;
import org.ketaminecds.rules.RuleOutcome;
import org.ketaminecds.rules.RulePack;
import org.ketaminecds.security.EhrClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.stereotype.Service;
import tools.jackson.databind.node.ObjectNode;

/**
 * One CDS Hooks call, end to end: validate, decide the treatment, resolve the data, map it to facts, run the live
 * rule pack, render the cards, and commit the audit record before anything is returned. Every answer, a 4xx
 * included, is recorded; if the record cannot be committed the caller gets a 503, never an unrecorded decision.
 * Whatever fails during a decision, an {@link Error} included, is recorded as a 500 (an {@link OutOfMemoryError}
 * normally ends the JVM first: the documented start command has {@code -XX:+ExitOnOutOfMemoryError}). A decision
 * that runs past its deadline ({@link RequestLimits#decisionDeadline()}) stops at its next checkpoint and is recorded
 * as 503 {@code deadline-exceeded}.
 */
@Service
class DecisionService {
    private static final Logger log = LoggerFactory.getLogger(DecisionService.class);
    private final ServiceCatalogue catalogue;
    private final RequestParser parser;
    private final HookPipeline pipeline;
    private final RuleEngine engine;
    private final DecisionLog decisionLog;
    private final Clock clock;
    private final Duration deadline;

    DecisionService(ServiceCatalogue catalogue, RequestParser parser, PrefetchResolver resolver, FactMapper mapper,
            RuleEngine engine, CardRenderer renderer, DecisionLog decisionLog, Clock clock, RequestLimits limits) {
        this.catalogue = catalogue;
        this.parser = parser;
        this.pipeline = new HookPipeline(resolver, mapper, renderer);
        this.engine = engine;
        this.decisionLog = decisionLog;
        this.clock = clock;
        this.deadline = limits.decisionDeadline();
    }

    /** The decision: the cards, and the id of the audit record that holds them. */
    record Decision(String id, List<CardJson> cards) {
    }

    Decision decide(String serviceId, ObjectNode body, EhrClient client) {
        DecisionDraft draft = new DecisionDraft(UUID.randomUUID().toString(), serviceId, client);
        MDC.put("decisionId", draft.id);
        try {
            List<CardJson> cards = evaluate(draft, body);
            draft.cards(cards);
            commit(draft, 200, null);
            return new Decision(draft.id, cards);
        } catch (ApiException e) {
            if (e.decisionId() != null || e.error() == ErrorCode.AUDIT_UNAVAILABLE) {
                throw e;
            }
            commit(draft, e.error().status(), e.error());
            throw e.recordedAs(draft.id);
        } catch (RuntimeException | Error e) {
            // A defect, not the caller's fault: log it for operators, record the call, answer a generic 500. An Error
            // too (a StackOverflowError, or an OutOfMemoryError when the JVM was started without
            // ExitOnOutOfMemoryError): by now the decision's objects are unreachable, so recording it can succeed.
            log.error("Decision {} failed unexpectedly", draft.id, e);
            commit(draft, ErrorCode.INTERNAL_ERROR.status(), ErrorCode.INTERNAL_ERROR);
            throw new ApiException(ErrorCode.INTERNAL_ERROR, "Internal error; the operators have been notified.")
                    .recordedAs(draft.id);
        } finally {
            MDC.remove("decisionId");
            MDC.remove("hookInstance");
        }
    }

    /** Records a call refused before it reached a service (unknown service, wrong media type, no valid JWT ...). */
    String refuse(String serviceId, EhrClient client, ErrorCode error) {
        DecisionDraft draft = new DecisionDraft(UUID.randomUUID().toString(), serviceId, client);
        commit(draft, error.status(), error);
        return draft.id;
    }

    private List<CardJson> evaluate(DecisionDraft draft, ObjectNode body) {
        long endNanos = System.nanoTime() + deadline.toNanos();
        CdsService service = catalogue.find(draft.serviceId).orElseThrow(() -> new ApiException(
                ErrorCode.UNKNOWN_SERVICE, "No CDS service '" + draft.serviceId + "'; see GET /cds-services."));
        HookRequest request = parser.parse(body, service);
        draft.request(request);
        MDC.put("hookInstance", request.hookInstance());
        RulePack pack = engine.live();
        draft.packVersion(pack.version());
        return pipeline.run(service, request, pack, clock.instant(), new HookPipeline.Steps() {
            @Override
            public void checkpoint() {
                if (System.nanoTime() - endNanos > 0) {
                    throw new EvaluationStopped("The decision did not finish within " + deadline.toMillis()
                            + " ms; no guidance is returned.");
                }
            }

            @Override
            public void resolved(List<ResourceUse> inputs) {
                draft.inputs(inputs);
            }

            @Override
            public void evaluated(RuleOutcome outcome) {
                draft.outcome(outcome);
            }
        });
    }

    private void commit(DecisionDraft draft, int status, ErrorCode error) {
        DecisionRecord record;
        try {
            record = draft.record(clock, status, error);
            decisionLog.append(record);
        } catch (RuntimeException | Error e) {
            log.error("Decision {} could not be recorded ({}); answering 503", draft.id, e.getClass().getSimpleName());
            throw new ApiException(ErrorCode.AUDIT_UNAVAILABLE,
                    "The decision could not be recorded; no guidance is returned without its audit record.");
        }
        log.info("decision={} service={} hook={} status={} cards={} latencyMs={}", draft.id, draft.serviceId,
                record.hook(), status, draft.cardCount(), record.latencyMs());
    }
}
