package org.ketaminecds.rules;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The checks a pack must pass beyond compiling: every rule has {@code @id} and {@code @evidence}, ids are unique
 * and registered in the catalogue, evidence tags exist, and DRL stays free of side effects (no console output,
 * no clock, no globals).
 */
final class PackLint {
    private static final Pattern FORBIDDEN = Pattern.compile(
            "System\\s*\\.\\s*(out|err)|printStackTrace|System\\s*\\.\\s*currentTimeMillis|System\\s*\\.\\s*nanoTime"
                    + "|(Instant|LocalDate|LocalDateTime|ZonedDateTime|OffsetDateTime)\\s*\\.\\s*now\\s*\\(|new\\s+"
                    + "(java\\.util\\.)?Date\\s*\\(\\s*\\)|^\\s*global\\s", Pattern.MULTILINE);
    private static final Pattern RULE_ID = Pattern.compile("[A-C][0-9]{2}[a-z]?|[A-Z][A-Za-z0-9-]{1,30}");

    private final List<RuleInfo> rules;
    private final Map<String, CatalogueEntry> catalogue;
    private final Map<String, EvidenceSource> evidence;
    private final Map<String, String> sources;
    private final List<RuleMessage> messages;

    PackLint(List<RuleInfo> rules, Map<String, CatalogueEntry> catalogue, Map<String, EvidenceSource> evidence,
            Map<String, String> sources, List<RuleMessage> messages) {
        this.rules = rules;
        this.catalogue = catalogue;
        this.evidence = evidence;
        this.sources = sources;
        this.messages = messages;
    }

    void check() {
        sources.forEach(this::checkSource);
        Map<String, String> seen = new HashMap<>();
        for (RuleInfo rule : rules) {
            String id = rule.id();
            if (id == null || id.isBlank()) {
                error(rule, "rule has no @id(...) metadata");
                continue;
            }
            if (!RULE_ID.matcher(id).matches()) {
                error(rule, "@id '" + id + "' is not alphanumeric (topic codes must stay alphanumeric)");
            }
            String evidenceTag = rule.metadata().get("evidence");
            if (evidenceTag == null || evidenceTag.isBlank()) {
                error(rule, "rule has no @evidence(...) metadata");
            } else {
                for (String tag : evidenceTag.split("[,;\\s]+")) {
                    if (!tag.isBlank() && !evidence.containsKey(tag)) {
                        error(rule, "@evidence tag '" + tag + "' is not in evidence.yaml");
                    }
                }
            }
            if (!catalogue.containsKey(id)) {
                error(rule, "@id '" + id + "' is not registered in catalogue.yaml");
            }
            if (!rule.name().startsWith(id + " ")) {
                error(rule, "rule name must start with its id: \"" + id + " <sentence>\"");
            }
            String other = seen.putIfAbsent(rule.name(), rule.file());
            if (other != null) {
                error(rule, "duplicate rule name (also in " + other + ")");
            }
        }
        for (CatalogueEntry entry : catalogue.values()) {
            for (String tag : entry.evidence()) {
                if (!evidence.containsKey(tag)) {
                    messages.add(new RuleMessage(PackFiles.CATALOGUE, 0, entry.id(), "ERROR",
                            "evidence tag '" + tag + "' is not in evidence.yaml"));
                }
            }
        }
    }

    private void checkSource(String file, String text) {
        Matcher m = FORBIDDEN.matcher(text);
        while (m.find()) {
            int line = (int) text.substring(0, m.start()).chars().filter(c -> c == '\n').count() + 1;
            messages.add(new RuleMessage(file, line, null, "ERROR", "forbidden in rules: '" + m.group().strip()
                    + "' (no console output, no clock access, no globals: the evaluation time is a fact)"));
        }
    }

    private void error(RuleInfo rule, String text) {
        messages.add(new RuleMessage(rule.file(), lineOf(rule), rule.name(), "ERROR", text));
    }

    private int lineOf(RuleInfo rule) {
        String text = rule.file() == null ? null : sources.get(rule.file());
        if (text == null) {
            return 0;
        }
        int at = text.indexOf("rule \"" + rule.name() + "\"");
        return at < 0 ? 0 : (int) text.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
    }
}
