package org.ketaminecds.fhir;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Fetching data the EHR did not prefetch from its FHIR server.
 *
 * @param connectTimeout the connect timeout of one FHIR request
 * @param readTimeout the read (socket) timeout of one FHIR request
 * @param budget the whole time a CDS Hooks call may spend fetching (all keys, all pages); past it the call gets 412
 * @param maxPages the most pages followed for one query
 * @param threads the fetches run in parallel, on at most this many threads for the whole service
 * @param allowHttp lets {@code fhirServer} be plain {@code http}: tests and the demo only, never production data
 * @param maxResources the most resources kept for one query (all pages); a server that sends more is treated as
 *     unavailable for that key (412), like a prefetch over {@code ketamine.cds-hooks.limits.max-resources-per-key}
 */
@ConfigurationProperties("ketamine.fhir.fetch")
public record FhirFetchProperties(Duration connectTimeout, Duration readTimeout, Duration budget, int maxPages,
        int threads, boolean allowHttp, int maxResources) {

    public FhirFetchProperties {
        connectTimeout = connectTimeout == null ? Duration.ofSeconds(2) : connectTimeout;
        readTimeout = readTimeout == null ? Duration.ofSeconds(4) : readTimeout;
        budget = budget == null ? Duration.ofSeconds(6) : budget;
        maxPages = maxPages <= 0 ? 20 : maxPages;
        threads = threads <= 0 ? 8 : threads;
        maxResources = maxResources <= 0 ? 10_000 : maxResources;
    }
}
