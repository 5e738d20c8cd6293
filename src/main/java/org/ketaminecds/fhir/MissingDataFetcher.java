package org.ketaminecds.fhir;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hl7.fhir.r4.model.Resource;

/** Fetches the data of a prefetch key that the EHR did not send. */
public interface MissingDataFetcher {

    /**
     * The resources the query returns, or empty when they cannot be had (no FHIR server, unreachable, refused,
     * too slow). An empty list means the server answered with no data.
     */
    Optional<List<Resource>> fetch(FhirServerAccess access, PrefetchKey key, String query);

    /** Fetches several keys for one call; an implementation may run them in parallel within one time budget. */
    default Map<PrefetchKey, Optional<List<Resource>>> fetchAll(FhirServerAccess access,
            Map<PrefetchKey, String> queries) {
        Map<PrefetchKey, Optional<List<Resource>>> results = new EnumMap<>(PrefetchKey.class);
        queries.forEach((key, query) -> results.put(key, fetch(access, key, query)));
        return results;
    }
}
