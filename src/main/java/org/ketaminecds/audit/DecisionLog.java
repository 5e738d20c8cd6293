package org.ketaminecds.audit;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The append-only store of decision records. */
public interface DecisionLog {

    /** Commits the record; returns only once it is durable. Throws when it cannot be stored. */
    void append(DecisionRecord record);

    /** The record with this id. */
    Optional<DecisionRecord> find(String id);

    /** The patient's records, newest first, at most {@code limit}. */
    List<DecisionRecord> findByPatient(String patientId, int limit);

    /**
     * The decisions that ran the rules (answered 200 with a fact snapshot), oldest first: what a replay
     * re-evaluates.
     *
     * @param since recorded at or after this instant; null for all
     * @param serviceId only this CDS service; null for every service
     */
    List<DecisionRecord> evaluated(Instant since, String serviceId);
}
