package org.ketaminecds.audit;

import java.time.Instant;

/**
 * Everything recorded about one CDS Hooks call. JSON-valued fields hold canonical JSON text.
 *
 * @param id the decision id (a UUID), also sent to the client in the {@code X-Decision-Id} header
 * @param recordedAt when the decision was recorded
 * @param serviceId the CDS service called, for example {@code ketamine-order-sign}
 * @param hook the hook named in the request (may be null when the request could not be read)
 * @param hookInstance the request's hookInstance (may be null when the request could not be read)
 * @param patientId {@code context.patientId}
 * @param userId {@code context.userId}
 * @param encounterId {@code context.encounterId}
 * @param clientIssuer the verified EHR JWT's {@code iss} (never the token itself)
 * @param clientJti the verified EHR JWT's {@code jti}
 * @param inputHash SHA-256 of the canonical request body without {@code fhirAuthorization}
 * @param inputsJson the resources used, as {@code [{"ref":"Patient/1","version":"3","source":"prefetch"}]}
 * @param factsJson the fact snapshot the rules saw
 * @param rulePackVersion the content hash of the rule pack that evaluated (null when no evaluation ran)
 * @param firedRulesJson the rules that fired, with the facts they matched
 * @param cardsJson the cards returned
 * @param httpStatus the HTTP status returned
 * @param errorCode the stable error code of a non-2xx answer (null on success)
 * @param latencyMs time from receiving the request to recording it, in milliseconds
 */
public record DecisionRecord(String id, Instant recordedAt, String serviceId, String hook, String hookInstance,
        String patientId, String userId, String encounterId, String clientIssuer, String clientJti, String inputHash,
        String inputsJson, String factsJson, String rulePackVersion, String firedRulesJson, String cardsJson,
        int httpStatus, String errorCode, long latencyMs) {
}
