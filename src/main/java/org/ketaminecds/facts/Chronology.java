package org.ketaminecds.facts;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Relates absolute times to the evaluation instant. Dates are compared in UTC so that the same facts evaluated at
 * the same instant always give the same answer, whatever the server's time zone.
 */
final class Chronology {
    private static final Set<String> CURRENT_STATEMENT = Set.of("active", "intended", "on-hold");
    private static final long WEEK_SECONDS = 604_800;
    private final Instant at;
    private final LocalDate today;

    Chronology(Instant at) {
        this.at = at;
        this.today = LocalDate.ofInstant(at, ZoneOffset.UTC);
    }

    Patient patient(Patient p) {
        Integer age = p.birthDate() == null || p.birthDate().isAfter(today) ? null
                : Period.between(p.birthDate(), today).getYears();
        return new Patient(p.sourceRef(), p.birthDate(), age, p.sex());
    }

    Diagnosis diagnosis(Diagnosis d) {
        LocalDate since = d.onset() != null ? d.onset() : d.recorded();
        Integer days = since == null ? null : (int) ChronoUnit.DAYS.between(since, today);
        return new Diagnosis(d.sourceRef(), d.codes(), d.text(), d.clinicalStatus(), d.verificationStatus(),
                d.onset(), d.recorded(), days, d.matches());
    }

    /**
     * Knowledge base §7 and decisions.md: a MedicationStatement with status active, intended or on-hold, or a
     * MedicationRequest with status active, whose period overlaps the evaluation date.
     */
    Medication medication(Medication m) {
        boolean request = m.sourceRef() != null && m.sourceRef().startsWith("MedicationRequest/");
        boolean statusCurrent = request ? "active".equals(m.status())
                : m.status() != null && CURRENT_STATEMENT.contains(m.status());
        boolean started = m.start() == null || !m.start().isAfter(today);
        boolean notEnded = m.end() == null || !m.end().isBefore(today);
        return new Medication(m.sourceRef(), m.codes(), m.text(), m.status(), m.start(), m.end(),
                statusCurrent && started && notEnded, m.matches());
    }

    Measurement measurement(Measurement m) {
        return new Measurement(m.sourceRef(), m.codes(), m.text(), m.status(), m.value(), m.unit(), m.answers(),
                m.effective(), minutesBefore(m.effective()), daysBefore(m.effective()), m.matches(), m.answerMatches());
    }

    BloodPressure bloodPressure(BloodPressure b) {
        return new BloodPressure(b.sourceRef(), b.systolic(), b.diastolic(), b.effective(),
                minutesBefore(b.effective()));
    }

    TreatmentDose dose(TreatmentDose d) {
        return new TreatmentDose(d.sourceRef(), d.product(), d.at(), d.end(), d.doseMg(), d.status(),
                daysBefore(d.at()));
    }

    /**
     * Every dose timed and placed in its product's course (ordinal, previous and next dose, doses in the week from
     * it), in
     * the order given. The epoch seconds of each product's doses are sorted once and every position is found by
     * binary search: O(n log n) for n doses, where counting per dose in the rules was O(n^2) or worse.
     */
    List<TreatmentDose> doses(List<TreatmentDose> doses) {
        List<TreatmentDose> timed = doses.stream().map(this::dose).toList();
        Map<Product, long[]> all = seconds(timed, false);
        Map<Product, long[]> given = seconds(timed, true);
        return timed.stream().map(d -> {
            long[] times = all.get(d.product());
            if (times == null) {
                return d;
            }
            long second = d.epochSecond();
            int earlier = firstAtOrAfter(times, second);
            Long previous = earlier == 0 ? null : times[earlier - 1];
            int later = firstAtOrAfter(times, second + 1);
            Long next = later == times.length ? null : times[later];
            Integer ordinal = d.daysBefore() >= 0 ? firstAtOrAfter(given.get(d.product()), second + 1) : null;
            int withinWeek = firstAtOrAfter(times, second + WEEK_SECONDS) - earlier;
            return new TreatmentDose(d.sourceRef(), d.product(), d.at(), d.end(), d.doseMg(), d.status(),
                    d.daysBefore(), ordinal, previous, next, withinWeek);
        }).toList();
    }

    /** One course per product, from doses already {@link #doses timed}. */
    List<Course> courses(List<TreatmentDose> timedDoses) {
        long weekAgo = at.getEpochSecond() - WEEK_SECONDS;
        return Arrays.stream(Product.values()).map(product -> {
            int given = 0;
            int lastWeek = 0;
            for (TreatmentDose d : timedDoses) {
                if (d.product() == product && d.daysBefore() >= 0) {
                    given++;
                    lastWeek += d.epochSecond() > weekAgo ? 1 : 0;
                }
            }
            return new Course(product, given, lastWeek);
        }).toList();
    }

    /** Sorted epoch seconds of each product's doses (only those given on or before the evaluation date if asked). */
    private static Map<Product, long[]> seconds(List<TreatmentDose> doses, boolean givenOnly) {
        Map<Product, long[]> seconds = new EnumMap<>(Product.class);
        for (Product product : Product.values()) {
            seconds.put(product, doses.stream().filter(d -> d.product() == product)
                    .filter(d -> !givenOnly || d.daysBefore() >= 0).mapToLong(TreatmentDose::epochSecond).sorted()
                    .toArray());
        }
        return seconds;
    }

    /** The index of the first element at or after {@code second} in a sorted array (its length when none is). */
    private static int firstAtOrAfter(long[] sorted, long second) {
        int low = 0;
        int high = sorted.length;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (sorted[mid] < second) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    private Long minutesBefore(Instant when) {
        return when == null ? null : Duration.between(when, at).toMinutes();
    }

    private Long daysBefore(Instant when) {
        return when == null ? null : ChronoUnit.DAYS.between(LocalDate.ofInstant(when, ZoneOffset.UTC), today);
    }
}
