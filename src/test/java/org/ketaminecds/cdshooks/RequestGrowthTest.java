package org.ketaminecds.cdshooks;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.ketaminecds.cdshooks.WireTypes.CardJson;
import org.ketaminecds.common.CanonicalJson;
import org.ketaminecds.fhir.FactMapper;
import org.ketaminecds.fhir.FhirJson;
import org.ketaminecds.fhir.PrefetchResolver;
import org.ketaminecds.fhir.ResourceUse;
import org.ketaminecds.rules.RuleOutcome;
import org.ketaminecds.rules.RulePack;
import org.ketaminecds.rules.RulePackLoader;
import org.ketaminecds.security.EhrClient;
import tools.jackson.databind.node.ObjectNode;

/**
 * Issue 14, "bounded work": each dimension of a request (doses, observations, medications, conditions, draft orders,
 * selections, label length) grows from 10 to 10,000 with the item caps lifted, and the in-process work of a decision
 * (parse, resolve, map, rules, render, build the audit record: everything but the database) must grow linearly.
 * Measured as the thread's allocated bytes and CPU time, the least of two runs. Linear growth from 1,000 to 10,000
 * items is a ratio of about 10 (less with fixed costs); quadratic is 100. Allocation is nearly deterministic (the
 * measured ratios are 9.1 to 10.1), so its bound is tight: 15. CPU time on this shared 2-core machine is not (the same
 * run measured 154 ms and 530 ms at 10,000 draft orders), so its bound only catches what is quadratic: 50. The
 * curves go to {@code target/growth/<dimension>.csv} and into docs/performance.md.
 */
class RequestGrowthTest {
    static final FhirJson FHIR = new FhirJson(FhirContext.forR4());
    static final List<Integer> SIZES = List.of(10, 100, 1_000, 10_000);
    static final RequestLimits LIFTED = new RequestLimits(null, 0, 0, 0, 0, 20_000, 20_000, 20_000, 20_000,
            Duration.ofMinutes(5));
    static RulePack pack;

    @BeforeAll
    static void shippedPack() {
        pack = new RulePackLoader(Clock.systemUTC()).load(Path.of("rules"));
    }

    /** The work of one decision of one size. */
    record Cost(long cpuNanos, long allocatedBytes, int responseChars, int recordChars) {
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(GrowthRequests.class)
    @Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void ten_times_the_items_cost_at_most_about_ten_times_the_work(GrowthRequests dimension) throws IOException {
        Map<Integer, Cost> curve = new LinkedHashMap<>();
        for (int n : SIZES) {
            curve.put(n, cost(dimension, n));
        }
        write(dimension, curve);

        Cost thousand = curve.get(1_000);
        Cost tenThousand = curve.get(10_000);
        assertThat((double) tenThousand.allocatedBytes() / thousand.allocatedBytes())
                .as("%s: bytes allocated at 10,000 / at 1,000 %s", dimension, curve).isLessThan(15);
        assertThat((double) tenThousand.cpuNanos() / thousand.cpuNanos()).as("%s: CPU at 10,000 / at 1,000 %s",
                dimension, curve).isLessThan(50);
    }

    static Cost cost(GrowthRequests dimension, int n) {
        ObjectNode body = dimension.request(n);
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long cpu = Long.MAX_VALUE;
        long allocated = Long.MAX_VALUE;
        String[] output = null;
        for (int run = 0; run < 2; run++) {
            long allocatedBefore = threads.getCurrentThreadAllocatedBytes();
            long cpuBefore = threads.getCurrentThreadCpuTime();
            output = decide(dimension, body);
            cpu = Math.min(cpu, threads.getCurrentThreadCpuTime() - cpuBefore);
            allocated = Math.min(allocated, threads.getCurrentThreadAllocatedBytes() - allocatedBefore);
        }
        return new Cost(cpu, allocated, output[0].length(), output[1].length());
    }

    /** The response and the audit record (as canonical JSON) of one decision, without HTTP or database. */
    static String[] decide(GrowthRequests dimension, ObjectNode body) {
        CdsService service = new ServiceCatalogue().find(dimension == GrowthRequests.SELECTIONS
                ? "ketamine-order-select" : "ketamine-order-sign").orElseThrow();
        HookPipeline pipeline = new HookPipeline(new PrefetchResolver(FHIR, (access, key, query) -> Optional.empty()),
                new FactMapper(), new CardRenderer(UUID::randomUUID, new CardSuggestions(UUID::randomUUID, FHIR)));
        DecisionDraft draft = new DecisionDraft(UUID.randomUUID().toString(), service.id(), EhrClient.UNAUTHENTICATED);
        HookRequest request = new RequestParser(LIFTED, FHIR).parse(body, service);
        draft.request(request);
        List<CardJson> cards = pipeline.run(service, request, pack, GrowthRequests.NOW, new HookPipeline.Steps() {
            @Override
            public void resolved(List<ResourceUse> inputs) {
                draft.inputs(inputs);
            }

            @Override
            public void evaluated(RuleOutcome outcome) {
                draft.outcome(outcome);
            }
        });
        draft.cards(cards);
        String record = CanonicalJson.ofValue(draft.record(Clock.fixed(GrowthRequests.NOW, ZoneOffset.UTC), 200,
                null));
        return new String[] {CanonicalJson.ofValue(new WireTypes.CdsResponseJson(cards, null)), record};
    }

    private static void write(GrowthRequests dimension, Map<Integer, Cost> curve) throws IOException {
        StringBuilder csv = new StringBuilder("items,cpu_ms,allocated_mb,response_chars,record_chars\n");
        curve.forEach((n, c) -> csv.append(n).append(',').append(c.cpuNanos() / 1_000_000).append(',')
                .append(c.allocatedBytes() / 1_000_000).append(',').append(c.responseChars()).append(',')
                .append(c.recordChars()).append('\n'));
        Path file = Path.of("target", "growth", dimension.name().toLowerCase(java.util.Locale.ROOT) + ".csv");
        Files.createDirectories(file.getParent());
        Files.writeString(file, csv);
    }
}
