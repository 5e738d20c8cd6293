package org.ketaminecds.cdshooks;

import java.util.Map;
import org.ketaminecds.fhir.FhirServerAccess;
import org.ketaminecds.fhir.HookContext;

/**
 * A validated CDS Hooks request.
 *
 * @param hook the hook
 * @param hookInstance the request's hookInstance
 * @param userId {@code context.userId}
 * @param patientId {@code context.patientId}
 * @param encounterId {@code context.encounterId}, may be null
 * @param context the parsed FHIR parts of the context
 * @param prefetch prefetch values as JSON text by key ({@code null} value = "no data"); absent keys not provided
 * @param access how to reach the FHIR server (the token is transient and never recorded)
 * @param inputHash SHA-256 of the canonical request without {@code fhirAuthorization}
 */
record HookRequest(String hook, String hookInstance, String userId, String patientId, String encounterId,
        HookContext context, Map<String, String> prefetch, FhirServerAccess access, String inputHash) {
}
