package org.ketaminecds.rules;

/**
 * An evidence source from {@code rules/evidence.yaml}.
 *
 * @param tag the tag rules cite, for example {@code SPR-PI}
 * @param label short label, shown as the card's {@code source.label}
 * @param citation full citation
 * @param url absolute link to the source (label or paper), shown as {@code source.url}
 */
public record EvidenceSource(String tag, String label, String citation, String url) {
}
