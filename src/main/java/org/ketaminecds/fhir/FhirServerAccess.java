package org.ketaminecds.fhir;

/**
 * How to reach the EHR's FHIR server for data that was not prefetched. The access token is a transient value:
 * it is never stored, logged or put in an audit record ({@link #toString()} hides it).
 *
 * @param fhirServer the request's {@code fhirServer}, may be null
 * @param accessToken {@code fhirAuthorization.access_token}, may be null
 */
public record FhirServerAccess(String fhirServer, String accessToken) {
    @Override
    public String toString() {
        return "FhirServerAccess[fhirServer=" + fhirServer + ", accessToken=" + (accessToken == null ? "none" : "***") + "]";
    }
}
