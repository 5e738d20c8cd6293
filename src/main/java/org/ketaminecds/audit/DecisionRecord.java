package org.ketaminecds.audit;

import java.time.Instant;
import org.ketaminecds.rules.Replay;

/**
 * Everything recorded about one CDS Hooks call, and the definition of its stored form: each component is a column
 * of {@code decision_record} covered by the record's hash ({@link ChainedTable}). JSON-valued fields hold
 * canonical JSON text. Adding, renaming or reordering a component changes the hash of new records only and needs
 * a migration; {@code AuditSchemaTest} fails until both agree.
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
 * @param factsJson the fact snapshot the rules saw, versioned ({@link org.ketaminecds.rules.FactSnapshot})
 * @param rulePackVersion the content hash of the rule pack that evaluated (null when no evaluation ran)
 * @param firedRulesJson the rules that fired, with the facts they matched
 * @param cardsJson the cards returned
 * @param httpStatus the HTTP status returned
 * @param errorCode the stable error code of a non-2xx answer (null on success)
 * @param latencyMs time from receiving the request to recording it, in milliseconds
 */
public record DecisionRecord(@Stored(max = 36) String id, Instant recordedAt, @Stored(max = 200) String serviceId,
        @Stored(max = 100) String hook, @Stored(max = 200) String hookInstance, @Stored(max = 200) String patientId,
        @Stored(max = 200) String userId, @Stored(max = 200) String encounterId,
        @Stored(max = 500) String clientIssuer, @Stored(max = 200) String clientJti,
        @Stored(max = 64) String inputHash, String inputsJson, String factsJson,
        @Stored(max = 64) String rulePackVersion, String firedRulesJson, String cardsJson, int httpStatus,
        @Stored(max = 100) String errorCode, long latencyMs) {

    /** What a replay needs of this record. */
    public Replay.Recorded replayable() {
        return new Replay.Recorded(id, recordedAt, serviceId, patientId, rulePackVersion, factsJson, cardsJson);
    }
}
