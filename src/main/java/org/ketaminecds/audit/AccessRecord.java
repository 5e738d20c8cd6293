package org.ketaminecds.audit;

import java.time.Instant;

/**
 * One read of the audit trail as stored in the {@code access} hash chain ({@code audit_access}); each component is
 * a hashed column ({@link ChainedTable}).
 *
 * @param id the access record's id
 * @param accessedAt when
 * @param principal who (the auditor's name, or {@code anonymous})
 * @param method the HTTP method
 * @param path the path read
 * @param queryText the query string
 */
record AccessRecord(@Stored(max = 36) String id, Instant accessedAt, @Stored(max = 300) String principal,
        @Stored(max = 10) String method, @Stored(max = 1000) String path, @Stored(max = 2000) String queryText) {
}
