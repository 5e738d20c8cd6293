package org.ketaminecds.cdshooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ca.uhn.fhir.context.FhirContext;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ketaminecds.audit.DecisionLog;
import org.ketaminecds.audit.DecisionRecord;
import org.ketaminecds.common.ApiException;
import org.ketaminecds.common.ErrorCode;
import org.ketaminecds.facts.Evaluation;
import org.ketaminecds.facts.FactSet;
import org.ketaminecds.facts.Product;
import org.ketaminecds.facts.TreatmentDose;
import org.ketaminecds.fhir.FactMapper;
import org.ketaminecds.fhir.FhirJson;
import org.ketaminecds.fhir.PatientData;
import org.ketaminecds.fhir.PrefetchResolver;
import org.ketaminecds.fhir.Treatment;
import org.ketaminecds.rules.EvaluationStopped;
import org.ketaminecds.rules.RuleEngine;
import org.ketaminecds.rules.RulesProperties;
import org.ketaminecds.security.EhrClient;
import org.ketaminecds.terminology.ValueSets;

/**
 * Issue 14, cases 1 and 2: an OutOfMemoryError escaped the RuntimeException catch and the call ended in a 500 with no
 * decision id and no record; a call could also run for as long as its evaluation took. Now whatever is thrown is
 * recorded, and a decision past its deadline stops and is recorded.
 */
class DecisionFailuresTest {
    static final FhirJson FHIR = new FhirJson(FhirContext.forR4());
    static final Clock CLOCK = Clock.fixed(GrowthRequests.NOW, ZoneOffset.UTC);
    static RuleEngine engine;
    final List<DecisionRecord> recorded = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void shippedRules() {
        engine = new RuleEngine(new RulesProperties(Path.of("rules"), Duration.ZERO, true), CLOCK);
        engine.live();
    }

    DecisionService service(FactMapper mapper, Duration deadline) {
        RequestLimits limits = new RequestLimits(null, 0, 0, 0, 0, 0, 0, 0, 0, deadline);
        return new DecisionService(new ServiceCatalogue(), new RequestParser(limits, FHIR),
                new PrefetchResolver(FHIR, (access, key, query) -> Optional.empty()), mapper, engine,
                new CardRenderer(UUID::randomUUID, new CardSuggestions(UUID::randomUUID, FHIR)), new MemoryLog(),
                CLOCK, limits);
    }

    @Test
    void an_out_of_memory_error_during_a_decision_is_recorded_and_answered_as_a_500() {
        FactMapper exhausted = new FactMapper() {
            @Override
            public FactSet map(String hook, Treatment treatment, Instant at, PatientData data, ValueSets valueSets) {
                throw new OutOfMemoryError("simulated: Java heap space");
            }
        };

        ApiException answer = catchThrowableOfType(ApiException.class, () -> service(exhausted, Duration.ofSeconds(10))
                .decide("ketamine-order-sign", GrowthRequests.DOSES.request(3), EhrClient.UNAUTHENTICATED));

        assertThat(answer.error()).isEqualTo(ErrorCode.INTERNAL_ERROR);
        assertThat(answer.decisionId()).isNotNull();
        assertThat(recorded).singleElement().satisfies(r -> {
            assertThat(r.id()).isEqualTo(answer.decisionId());
            assertThat(r.httpStatus()).isEqualTo(500);
            assertThat(r.errorCode()).isEqualTo("internal-error");
            assertThat(r.inputsJson()).as("the inputs read before the failure are kept").contains("Patient/growth");
        });
    }

    @Test
    void a_decision_past_its_deadline_stops_and_is_recorded_as_503_deadline_exceeded() {
        ApiException answer = catchThrowableOfType(ApiException.class, () -> service(new FactMapper(), Duration.ZERO)
                .decide("ketamine-order-sign", GrowthRequests.DOSES.request(3), EhrClient.UNAUTHENTICATED));

        assertThat(answer.error()).isEqualTo(ErrorCode.DEADLINE_EXCEEDED);
        assertThat(answer.error().status()).isEqualTo(503);
        assertThat(recorded).singleElement().satisfies(r -> {
            assertThat(r.id()).isEqualTo(answer.decisionId());
            assertThat(r.errorCode()).isEqualTo("deadline-exceeded");
        });
    }

    @Test
    void the_rules_stop_at_the_first_checkpoint_that_says_so_and_the_reason_comes_out_unwrapped() {
        List<TreatmentDose> doses = new java.util.ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            Instant at = GrowthRequests.NOW.minusSeconds(43_200L * i + 600);
            doses.add(new TreatmentDose("MedicationAdministration/d" + i, Product.ESKETAMINE, at, null, 56.0,
                    "completed", 0));
        }
        FactSet facts = new FactSet(new Evaluation("patient-view", Product.ESKETAMINE, GrowthRequests.NOW, null,
                false, null), null, null, null, null, null, null, doses, null, null);
        AtomicInteger checkpoints = new AtomicInteger();

        assertThatThrownBy(() -> engine.live().evaluate(facts, () -> {
            if (checkpoints.incrementAndGet() > 3) {
                throw new EvaluationStopped("past the deadline");
            }
        })).isExactlyInstanceOf(EvaluationStopped.class).hasMessage("past the deadline");
        assertThat(checkpoints).hasValue(4);
    }

    /** The audit log, in memory. */
    final class MemoryLog implements DecisionLog {
        @Override
        public void append(DecisionRecord record) {
            recorded.add(record);
        }

        @Override
        public Optional<DecisionRecord> find(String id) {
            return recorded.stream().filter(r -> r.id().equals(id)).findFirst();
        }

        @Override
        public List<DecisionRecord> findByPatient(String patientId, int limit) {
            return List.of();
        }

        @Override
        public List<DecisionRecord> evaluated(Instant since, String serviceId) {
            return List.of();
        }
    }
}
