package org.ketaminecds.cdshooks;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ketaminecds.facts.Finding;
import org.ketaminecds.rules.CatalogueEntry;
import org.ketaminecds.rules.EvidenceSource;

/**
 * The markdown detail of a card: why and what to do (from the catalogue), what triggered it, the values and
 * local-policy defaults it used, and the evidence with its full citation. Bounded whatever the request: at most
 * {@link #MAX_SUBJECTS} triggers are listed (then how many more), each label and value at most {@link #MAX_LABEL}
 * characters and each resource reference at most {@link #MAX_REF}.
 */
record CardDetail(CatalogueEntry entry, List<Finding> findings, List<EvidenceSource> evidence, String product) {
    static final int MAX_SUBJECTS = 20;
    static final int MAX_LABEL = 200;
    static final int MAX_REF = 100;

    String markdown() {
        StringBuilder md = new StringBuilder();
        if (entry.detail() != null && !entry.detail().isBlank()) {
            md.append(entry.detail().replace("{product}", product).strip()).append("\n\n");
        }
        Set<String> triggers = new LinkedHashSet<>();
        int more = 0;
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, String> policy = new LinkedHashMap<>();
        for (Finding finding : findings) {
            more += finding.moreSubjects();
            for (Finding.Subject subject : finding.subjects()) {
                String line = "- `" + cut(subject.sourceRef(), MAX_REF) + "` " + escape(cut(subject.label(), MAX_LABEL))
                        + (subject.matchedBy() == null ? "" : ", matched by " + escape(cut(subject.matchedBy(), MAX_LABEL)));
                if (triggers.size() < MAX_SUBJECTS || triggers.contains(line)) {
                    triggers.add(line);
                } else {
                    more++;
                }
            }
            finding.values().forEach((key, value) -> {
                if (key.startsWith("policy:")) {
                    policy.putIfAbsent(key.substring("policy:".length()), value);
                } else {
                    values.putIfAbsent(key, value);
                }
            });
        }
        if (more > 0) {
            triggers.add("- and " + more + " more");
        }
        if (!triggers.isEmpty()) {
            md.append("**Triggered by:**\n").append(String.join("\n", triggers)).append("\n\n");
        }
        if (!values.isEmpty()) {
            md.append("**Values:**\n");
            values.forEach((k, v) -> md.append("- ").append(k).append(": ").append(escape(cut(v, MAX_LABEL)))
                    .append('\n'));
            md.append('\n');
        }
        if (!policy.isEmpty()) {
            md.append("**Local policy default:**\n");
            policy.forEach((k, v) -> md.append("- `").append(k).append("` = ").append(escape(v)).append('\n'));
            md.append('\n');
        }
        if (!evidence.isEmpty()) {
            md.append("**Evidence:**\n");
            for (EvidenceSource source : evidence) {
                md.append("- [").append(source.tag()).append("] ").append(escape(source.citation()));
                if (source.url() != null) {
                    md.append(" <").append(source.url()).append('>');
                }
                md.append('\n');
            }
            md.append('\n');
        }
        md.append("_Rule ").append(entry.id()).append(" of the ketamine-cds knowledge base._");
        return md.toString();
    }

    /** The text cut to {@code max} characters, marked with an ellipsis when cut. */
    static String cut(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    private static String escape(String text) {
        return text == null ? "" : text.replace("<", "&lt;").replace(">", "&gt;");
    }
}
