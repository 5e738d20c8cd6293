package org.ketaminecds.fhir;

import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Period;
import org.ketaminecds.facts.Visit;

/** Encounter to a {@link org.ketaminecds.facts.Visit}. */
final class EncounterMapper {
    private EncounterMapper() {
    }

    static Visit encounter(Encounter encounter) {
        Period period = encounter.hasPeriod() ? encounter.getPeriod() : null;
        return new Visit(FhirValues.ref(encounter), FhirValues.code(encounter.getStatusElement()),
                period != null && period.hasStart() ? FhirValues.instant(period.getStartElement()) : null,
                period != null && period.hasEnd() ? FhirValues.instant(period.getEndElement()) : null);
    }
}
