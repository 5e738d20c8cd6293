package org.ketaminecds.facts;

/**
 * Something the mapping could not read. A gap is recorded, never silently passed over, so an author or auditor
 * can see that a rule had less to go on.
 *
 * @param sourceRef the resource concerned, may be null when a whole prefetch key is missing
 * @param what what is missing or unreadable, for example {@code MedicationStatement without a medication}
 */
public record DataGap(String sourceRef, String what) implements Fact {
    @Override
    public String label() {
        return what;
    }
}
