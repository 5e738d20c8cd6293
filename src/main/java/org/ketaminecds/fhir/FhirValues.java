package org.ketaminecds.fhir;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.hl7.fhir.r4.model.BaseDateTimeType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.Type;
import org.ketaminecds.facts.Code;

/**
 * Reading FHIR values without HAPI's side effects: HAPI getters create empty children when read and throw on
 * choice types, so every read here checks presence first.
 */
final class FhirValues {
    private FhirValues() {
    }

    static String ref(Resource resource) {
        return resource.fhirType() + "/" + (resource.getIdElement().hasIdPart() ? resource.getIdElement().getIdPart()
                : "(no id)");
    }

    static List<Code> codes(CodeableConcept concept) {
        if (concept == null) {
            return List.of();
        }
        return concept.getCoding().stream().filter(Coding::hasCode)
                .map(c -> new Code(c.getSystem(), c.getCode(), c.hasDisplay() ? c.getDisplay() : null)).toList();
    }

    static String text(CodeableConcept concept) {
        return concept != null && concept.hasText() ? concept.getText() : null;
    }

    /** The first code of a status-like CodeableConcept, such as Condition.clinicalStatus. */
    static String firstCode(CodeableConcept concept) {
        return concept == null || !concept.hasCoding() ? null : concept.getCodingFirstRep().getCode();
    }

    /**
     * The code of a required-binding element such as {@code status}, as sent: HAPI keeps an unknown code as text
     * and then returns null from the enum getter, so read the text.
     */
    static String code(org.hl7.fhir.r4.model.Enumeration<?> element) {
        return element == null || element.isEmpty() ? null : element.getValueAsString();
    }

    static Instant instant(BaseDateTimeType value) {
        return value == null || value.getValue() == null ? null : value.getValue().toInstant();
    }

    /** The date part as written (no time-zone shift); null when absent or unreadable. */
    static LocalDate date(BaseDateTimeType value) {
        if (value == null || value.getValueAsString() == null) {
            return null;
        }
        String text = value.getValueAsString();
        try {
            if (text.length() >= 10) {
                return LocalDate.parse(text.substring(0, 10));
            }
            return text.length() == 7 ? LocalDate.parse(text + "-01") : LocalDate.parse(text.substring(0, 4) + "-01-01");
        } catch (java.time.DateTimeException | IndexOutOfBoundsException e) {
            return value.getValue() == null ? null : LocalDate.ofInstant(value.getValue().toInstant(), ZoneOffset.UTC);
        }
    }

    /** Start of a dateTime, Period or instant choice element. */
    static Instant start(Type effective) {
        if (effective instanceof BaseDateTimeType dt) {
            return instant(dt);
        }
        if (effective instanceof Period period && period.hasStart()) {
            return instant(period.getStartElement());
        }
        return null;
    }

    static Instant end(Type effective) {
        return effective instanceof Period period && period.hasEnd() ? instant(period.getEndElement()) : null;
    }

    static LocalDate startDate(Type effective) {
        if (effective instanceof BaseDateTimeType dt) {
            return date(dt);
        }
        return effective instanceof Period period && period.hasStart() ? date(period.getStartElement()) : null;
    }

    static LocalDate endDate(Type effective) {
        return effective instanceof Period period && period.hasEnd() ? date(period.getEndElement()) : null;
    }

    static LocalDate day(Instant instant) {
        return instant == null ? null : LocalDate.ofInstant(instant, ZoneOffset.UTC);
    }
}
