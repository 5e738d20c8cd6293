package org.ketaminecds.audit;

import java.time.Instant;

/**
 * One item of clinician feedback as stored in the {@code feedback} hash chain ({@code card_feedback}); each
 * component is a hashed column ({@link ChainedTable}).
 *
 * @param id the feedback record's id
 * @param receivedAt when the service received it
 * @param serviceId the service id in the feedback URL
 * @param cardUuid the card's uuid
 * @param decisionId the decision that returned the card; null when the card is unknown
 * @param ruleId the card's rule id; null when the card is unknown
 * @param knownCard whether this service returned the card
 * @param outcome {@code accepted} or {@code overridden}
 * @param acceptedSuggestionsJson the accepted suggestions' uuids, as canonical JSON
 * @param reasonSystem the override reason's system
 * @param reasonCode the override reason's code
 * @param reasonDisplay the override reason's display
 * @param userComment the clinician's comment
 * @param outcomeTimestamp when the clinician acted, as sent
 * @param clientIssuer the verified EHR issuer that sent it
 * @param dedupeKey what makes retries of the same feedback one record
 */
record FeedbackRecord(@Stored(max = 36) String id, Instant receivedAt, @Stored(max = 200) String serviceId,
        @Stored(max = 200) String cardUuid, @Stored(max = 36) String decisionId, @Stored(max = 100) String ruleId,
        boolean knownCard, @Stored(max = 20) String outcome, String acceptedSuggestionsJson,
        @Stored(max = 500) String reasonSystem, @Stored(max = 200) String reasonCode,
        @Stored(max = 500) String reasonDisplay, String userComment, @Stored(max = 64) String outcomeTimestamp,
        @Stored(max = 500) String clientIssuer, @Stored(max = 64) String dedupeKey) {
}
