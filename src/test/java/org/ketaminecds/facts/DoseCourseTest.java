package org.ketaminecds.facts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link FactSet#timed()} places every dose in its product's course once, for the rules to read. */
class DoseCourseTest {
    static final Instant AT = Instant.parse("2026-03-02T09:00:00Z");

    static TreatmentDose dose(String id, Product product, String at) {
        return new TreatmentDose("MedicationAdministration/" + id, product, Instant.parse(at), null, 35.0, "completed", 0);
    }

    static FactSet timed(TreatmentDose... doses) {
        return new FactSet(new Evaluation("patient-view", Product.KETAMINE_IV, AT, null, false, null), null, null, null,
                null, null, null, List.of(doses), null, null).timed();
    }

    static long second(String at) {
        return Instant.parse(at).getEpochSecond();
    }

    @Test
    void each_given_dose_knows_its_place_in_its_own_products_course_whatever_the_order_they_came_in() {
        FactSet facts = timed(dose("k3", Product.KETAMINE_IV, "2026-02-20T10:00:00Z"),
                dose("k1", Product.KETAMINE_IV, "2026-02-10T10:00:00Z"),
                dose("e1", Product.ESKETAMINE, "2026-02-15T10:00:00Z"),
                dose("k2", Product.KETAMINE_IV, "2026-02-13T10:00:00Z"));

        assertThat(facts.doses()).extracting(TreatmentDose::sourceRef, TreatmentDose::ordinal,
                TreatmentDose::previousEpochSecond, TreatmentDose::nextEpochSecond).containsExactly(
                tuple("MedicationAdministration/k3", 3, second("2026-02-13T10:00:00Z"), null),
                tuple("MedicationAdministration/k1", 1, null, second("2026-02-13T10:00:00Z")),
                tuple("MedicationAdministration/e1", 1, null, null),
                tuple("MedicationAdministration/k2", 2, second("2026-02-10T10:00:00Z"), second("2026-02-20T10:00:00Z")));
        assertThat(facts.courses()).containsExactly(new Course(Product.KETAMINE_IV, 3, 0),
                new Course(Product.ESKETAMINE, 1, 0));
    }

    @Test
    void doses_at_the_same_instant_share_the_highest_ordinal_and_the_same_neighbours() {
        FactSet facts = timed(dose("a", Product.ESKETAMINE, "2026-02-26T10:00:00Z"),
                dose("b", Product.ESKETAMINE, "2026-02-26T10:00:00Z"),
                dose("c", Product.ESKETAMINE, "2026-02-27T10:00:00Z"));

        assertThat(facts.doses()).extracting(TreatmentDose::ordinal, TreatmentDose::previousEpochSecond,
                TreatmentDose::dosesWithinWeek).containsExactly(tuple(2, null, 3), tuple(2, null, 3),
                tuple(3, second("2026-02-26T10:00:00Z"), 1));
        assertThat(facts.courses()).contains(new Course(Product.ESKETAMINE, 3, 3));
    }

    @Test
    void a_dose_after_the_evaluation_date_has_no_ordinal_but_is_still_a_neighbour_and_counts_in_its_week() {
        FactSet facts = timed(dose("today", Product.ESKETAMINE, "2026-03-02T15:00:00Z"),
                dose("planned", Product.ESKETAMINE, "2026-03-05T09:00:00Z"),
                dose("last-week", Product.ESKETAMINE, "2026-02-23T09:00:00Z"),
                dose("eight-days", Product.ESKETAMINE, "2026-02-22T09:00:00Z"));

        assertThat(facts.doses()).extracting(TreatmentDose::daysBefore, TreatmentDose::ordinal,
                TreatmentDose::nextEpochSecond, TreatmentDose::dosesWithinWeek).containsExactly(
                tuple(0L, 3, second("2026-03-05T09:00:00Z"), 2),
                tuple(-3L, null, null, 1),
                tuple(7L, 2, second("2026-03-02T15:00:00Z"), 1), // its week ends at 2026-03-02T09:00Z, exclusive
                tuple(8L, 1, second("2026-02-23T09:00:00Z"), 2));
        // given: three (today's later dose included); in the last 7 days: after 2026-02-23T09:00Z, so today's only
        assertThat(facts.courses()).contains(new Course(Product.ESKETAMINE, 3, 1));
    }

    @Test
    void every_evaluation_has_a_course_per_product_and_replay_derives_the_fields_again() {
        FactSet once = timed(dose("k1", Product.KETAMINE_IV, "2026-02-10T10:00:00Z"));

        assertThat(timed().courses()).containsExactly(new Course(Product.KETAMINE_IV, 0, 0),
                new Course(Product.ESKETAMINE, 0, 0));
        assertThat(once.timed()).isEqualTo(once);
    }
}
