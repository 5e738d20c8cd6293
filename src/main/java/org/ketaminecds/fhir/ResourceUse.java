package org.ketaminecds.fhir;

/**
 * A resource the decision used, for the audit record.
 *
 * @param ref {@code Type/id}
 * @param version {@code meta.versionId}, may be null
 * @param lastUpdated {@code meta.lastUpdated} as text, may be null
 * @param source where it came from
 * @param key the prefetch key (or context field) that carried it
 */
public record ResourceUse(String ref, String version, String lastUpdated, DataSource source, String key) {
}
