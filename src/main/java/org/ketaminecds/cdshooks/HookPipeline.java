package org.ketaminecds.cdshooks;

import org.ketaminecds.common.ApiException;
import org.ketaminecds.common.ErrorCode;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.ketaminecds.cdshooks.WireTypes.CardJson;
import org.ketaminecds.fhir.FactMapper;
import org.ketaminecds.fhir.InvalidResourceException;
import org.ketaminecds.fhir.MissingDataException;
import org.ketaminecds.fhir.PatientData;
import org.ketaminecds.fhir.PrefetchResolver;
import org.ketaminecds.fhir.ResourceUse;
import org.ketaminecds.fhir.Treatment;
import org.ketaminecds.rules.EvaluationStopped;
import org.ketaminecds.rules.RuleOutcome;
import org.ketaminecds.rules.RulePack;

/**
 * The steps from a validated request to its cards, shared by live calls ({@link DecisionService}) and offline
 * decisions ({@link OfflineDecisions}: JSON scenarios, replay): decide the treatment (decisions.md), resolve the
 * data, map it to facts at the evaluation instant, evaluate with the given pack, render.
 */
final class HookPipeline {
    private final PrefetchResolver resolver;
    private final FactMapper mapper;
    private final CardRenderer renderer;

    HookPipeline(PrefetchResolver resolver, FactMapper mapper, CardRenderer renderer) {
        this.resolver = resolver;
        this.mapper = mapper;
        this.renderer = renderer;
    }

    /** What an evaluation produced; {@code outcome} is null when the request concerns neither drug. */
    interface Steps {
        /** Called as soon as the data is resolved, so the audit record lists the inputs even if a later step fails. */
        void resolved(List<ResourceUse> inputs);

        void evaluated(RuleOutcome outcome);

        /**
         * Called between steps and, during the rules, at every match: throws {@link EvaluationStopped} to stop the
         * decision (its deadline has passed). Offline decisions never stop.
         */
        default void checkpoint() {
        }
    }

    /** The cards; a 412 or 400 as {@link ApiException} when the data cannot be had or read. */
    List<CardJson> run(CdsService service, HookRequest request, RulePack pack, Instant now, Steps steps) {
        try {
            return steps(service, request, pack, now, steps);
        } catch (EvaluationStopped e) {
            throw new ApiException(ErrorCode.DEADLINE_EXCEEDED, e.getMessage());
        }
    }

    private List<CardJson> steps(CdsService service, HookRequest request, RulePack pack, Instant now, Steps steps) {
        var context = request.context();
        Optional<Treatment> treatment = context.orderHook() ? mapper.orderedTreatment(context, pack.valueSets())
                : Optional.empty();
        if (context.orderHook() && treatment.isEmpty()) {
            return List.of();
        }
        PatientData data;
        try {
            data = resolver.resolve(request.prefetch(), service.prefetch(), context, request.access());
        } catch (MissingDataException e) {
            throw new ApiException(ErrorCode.PREFETCH_UNAVAILABLE, e.getMessage(), "prefetch");
        } catch (InvalidResourceException e) {
            throw new ApiException(ErrorCode.INVALID_FHIR_RESOURCE, e.getMessage());
        }
        steps.resolved(data.uses());
        steps.checkpoint();
        if (!context.orderHook()) {
            treatment = mapper.currentTreatment(data, pack.valueSets());
            if (treatment.isEmpty()) {
                return List.of();
            }
        }
        Instant at = "appointment-book".equals(request.hook()) ? mapper.appointmentStart(context).orElse(now) : now;
        var facts = mapper.map(request.hook(), treatment.get(), at, data, pack.valueSets());
        steps.checkpoint();
        RuleOutcome outcome = pack.evaluate(facts, steps::checkpoint);
        steps.evaluated(outcome);
        steps.checkpoint();
        return renderer.render(outcome, pack, request.patientId());
    }
}
