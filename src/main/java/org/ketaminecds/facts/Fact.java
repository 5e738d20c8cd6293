package org.ketaminecds.facts;

/** Anything a rule may match that came from (or was derived from) a FHIR resource. */
public interface Fact {
    /** The FHIR resource this fact came from, for example {@code Condition/123}. */
    String sourceRef();

    /** A short, human-readable description for card text, for example {@code lorazepam 1 mg tablet}. */
    String label();
}
