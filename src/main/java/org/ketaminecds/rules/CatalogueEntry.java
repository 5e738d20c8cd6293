package org.ketaminecds.rules;

import java.util.List;

/**
 * A rule registered in {@code rules/catalogue.yaml}: the rule's card text and its evidence. A DRL rule whose
 * {@code @id} is not registered here does not validate.
 *
 * @param id the rule id, for example {@code A01}
 * @param title short title, shown as {@code source.topic.display}
 * @param evidence evidence tags from {@code rules/evidence.yaml}; the first is the card's source
 * @param summary the card summary template; {@code {product}} and {@code {subjects}} and any finding value
 *     name ({@code {bp}}) are replaced; the result is cut below 140 characters
 * @param detail markdown: why, and what to do
 * @param collect for data-gap rules, what to collect: a suggestion creates a ServiceRequest with this text
 */
public record CatalogueEntry(String id, String title, List<String> evidence, String summary, String detail,
        String collect) {

    public CatalogueEntry {
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }
}
