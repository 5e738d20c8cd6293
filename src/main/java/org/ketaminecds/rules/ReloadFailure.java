package org.ketaminecds.rules;

import java.time.Instant;
import java.util.List;

/**
 * A candidate pack that was refused: the last good pack kept serving.
 *
 * @param version the content hash of the refused directory content
 * @param at when the candidate was checked
 * @param messages every reason, as {@code file:line: rule: message}
 */
public record ReloadFailure(String version, Instant at, List<RuleMessage> messages) {
    public ReloadFailure {
        messages = List.copyOf(messages);
    }
}
