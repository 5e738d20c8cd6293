package org.ketaminecds.fhir;

/** Where a prefetch key's data came from, for the audit record. */
public enum DataSource {
    /** Sent by the EHR in {@code prefetch}. */
    PREFETCH,
    /** Fetched from the EHR's FHIR server because the key was absent (or held an OperationOutcome). */
    FETCHED,
    /** Part of the hook's {@code context} (draft orders, appointments). */
    CONTEXT
}
