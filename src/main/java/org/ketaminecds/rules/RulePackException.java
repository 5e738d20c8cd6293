package org.ketaminecds.rules;

import java.util.List;
import java.util.stream.Collectors;

/** A rule pack that cannot go live, with every message that says why. */
public class RulePackException extends RuntimeException {
    private final transient List<RuleMessage> messages;

    public RulePackException(List<RuleMessage> messages) {
        super(messages.stream().filter(RuleMessage::error).map(RuleMessage::toString)
                .collect(Collectors.joining("\n")));
        this.messages = List.copyOf(messages);
    }

    public List<RuleMessage> messages() {
        return messages;
    }
}
