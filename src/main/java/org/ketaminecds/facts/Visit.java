package org.ketaminecds.facts;

import java.time.Instant;

/**
 * An Encounter: a treatment session's visit, with its start and (if ended) its discharge time.
 *
 * @param sourceRef {@code Encounter/<id>}
 * @param status the Encounter status
 * @param start {@code period.start}, may be null
 * @param end {@code period.end}, may be null
 */
public record Visit(String sourceRef, String status, Instant start, Instant end) implements Fact {
    @Override
    public String label() {
        return "encounter " + (start == null ? "" : start) + (end == null ? "" : " to " + end);
    }
}
