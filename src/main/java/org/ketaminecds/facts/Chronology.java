package org.ketaminecds.facts;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Set;

/**
 * Relates absolute times to the evaluation instant. Dates are compared in UTC so that the same facts evaluated at
 * the same instant always give the same answer, whatever the server's time zone.
 */
final class Chronology {
    private static final Set<String> CURRENT_STATEMENT = Set.of("active", "intended", "on-hold");
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

    private Long minutesBefore(Instant when) {
        return when == null ? null : Duration.between(when, at).toMinutes();
    }

    private Long daysBefore(Instant when) {
        return when == null ? null : ChronoUnit.DAYS.between(LocalDate.ofInstant(when, ZoneOffset.UTC), today);
    }
}
