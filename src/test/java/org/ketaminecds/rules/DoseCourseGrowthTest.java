package org.ketaminecds.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ketaminecds.facts.Code;
import org.ketaminecds.facts.Evaluation;
import org.ketaminecds.facts.FactSet;
import org.ketaminecds.facts.Measurement;
import org.ketaminecds.facts.Product;
import org.ketaminecds.facts.TreatmentDose;

/**
 * Issue 14, case 1: a patient-view with one PHQ-9 and N doses took 5.8 s at N = 3,000 and ran out of memory at 4,500,
 * because rules counted doses for every dose. The course is now computed once per evaluation, so ten times the
 * doses cost about ten times the CPU (the bound, 25, leaves room for a shared, noisy machine; quadratic is 100).
 * Oldest first is the order that made the remaining "no later dose" patterns scan every dose for every dose.
 */
class DoseCourseGrowthTest {
    static final Instant AT = Instant.parse("2026-03-02T09:00:00Z");
    static RulePack pack;

    @BeforeAll
    static void shippedPack() {
        pack = new RulePackLoader(Clock.systemUTC()).load(Path.of("rules"));
    }

    @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    @ParameterizedTest(name = "{0}, doses sent {1}")
    @CsvSource({"KETAMINE_IV, oldest first", "ESKETAMINE, oldest first"})
    void ten_times_the_doses_cost_about_ten_times_the_cpu(Product product, String order) {
        boolean oldestFirst = order.startsWith("oldest");
        long thousand = cpuNanos(course(product, 1_000, oldestFirst));
        long tenThousand = cpuNanos(course(product, 10_000, oldestFirst));

        assertThat((double) tenThousand / thousand).as("CPU at 10,000 doses / at 1,000 (%d ms / %d ms)",
                tenThousand / 1_000_000, thousand / 1_000_000).isLessThan(25);
    }

    /** One PHQ-9 before the course and {@code n} doses, two a day, sent oldest or newest first. */
    static FactSet course(Product product, int n, boolean oldestFirst) {
        List<TreatmentDose> doses = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            int back = oldestFirst ? n - 1 - k : k;
            Instant at = AT.minusSeconds(43_200L * back + 600);
            doses.add(new TreatmentDose("MedicationAdministration/d" + k, product, at, at.plusSeconds(2400), 35.0,
                    "completed", 0));
        }
        Measurement phq9 = new Measurement("Observation/phq9", List.of(new Code("http://loinc.org", "44261-6", "PHQ-9")),
                null, "final", 20.0, null, List.of(), AT.minusSeconds(43_200L * n + 86_400), null, null, List.of(),
                List.of());
        return new FactSet(new Evaluation("patient-view", product, AT, null, false, null), null, null, null, null,
                List.of(phq9), null, doses, null, null);
    }

    /** The least thread CPU time of three evaluations (the least is the one least disturbed by other processes). */
    static long cpuNanos(FactSet facts) {
        var threads = ManagementFactory.getThreadMXBean();
        long least = Long.MAX_VALUE;
        for (int run = 0; run < 3; run++) {
            long start = threads.getCurrentThreadCpuTime();
            pack.evaluate(facts);
            least = Math.min(least, threads.getCurrentThreadCpuTime() - start);
        }
        return least;
    }
}
