package org.ketaminecds.fhir;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Resource;
import org.springframework.stereotype.Component;

/**
 * Resolves the data a service needs, per the CDS Hooks prefetch rules: a key that is present is used as sent
 * ({@code null} means "no data"); a key that is absent, or whose value is an OperationOutcome or holds one, or is a
 * paginated Bundle, is fetched from the EHR's FHIR server. Data that can be had neither way fails the request
 * with {@link MissingDataException} (412).
 */
@Component
public class PrefetchResolver {
    private static final Pattern FHIR_ID = Pattern.compile("[A-Za-z0-9\\-.]{1,64}");
    private final FhirJson fhirJson;
    private final MissingDataFetcher fetcher;

    public PrefetchResolver(FhirJson fhirJson, MissingDataFetcher fetcher) {
        this.fhirJson = fhirJson;
        this.fetcher = fetcher;
    }

    /**
     * @param prefetch the request's prefetch values by key, as JSON text ({@code null} value = JSON null); keys
     *     absent from the map were not provided
     */
    public PatientData resolve(Map<String, String> prefetch, List<PrefetchKey> keys, HookContext context,
            FhirServerAccess access) {
        PatientData data = new PatientData();
        context.draftOrders().forEach(r -> data.addContext(r, "draftOrders"));
        context.appointments().forEach(r -> data.addContext(r, "appointments"));
        Map<PrefetchKey, String> toFetch = new EnumMap<>(PrefetchKey.class);
        for (PrefetchKey key : keys) {
            Optional<List<Resource>> sent = prefetched(prefetch, key);
            if (sent.isPresent()) {
                data.put(key, sent.get(), DataSource.PREFETCH);
            } else {
                toFetch.put(key, key.query(context.patientId()));
            }
        }
        List<PrefetchKey> missing = new ArrayList<>();
        if (!FHIR_ID.matcher(context.patientId()).matches()) {
            // Not a FHIR id: it must not be pasted into a query sent with the EHR's token (no "&", "/", "?").
            missing.addAll(toFetch.keySet());
        } else if (!toFetch.isEmpty()) {
            fetcher.fetchAll(access, toFetch).forEach((key, fetched) -> {
                if (fetched.isPresent()) {
                    data.put(key, fetched.get(), DataSource.FETCHED);
                } else {
                    missing.add(key);
                }
            });
        }
        if (!missing.isEmpty()) {
            throw new MissingDataException(missing);
        }
        return data;
    }

    /** The key's prefetched resources; empty when the key must be fetched instead. */
    private Optional<List<Resource>> prefetched(Map<String, String> prefetch, PrefetchKey key) {
        if (prefetch == null || !prefetch.containsKey(key.key())) {
            return Optional.empty();
        }
        String json = prefetch.get(key.key());
        if (json == null) {
            return Optional.of(List.of());
        }
        Resource resource = fhirJson.parse(json, "prefetch." + key.key());
        if (resource instanceof OperationOutcome) {
            return Optional.empty();
        }
        if (resource instanceof Bundle bundle) {
            boolean outcome = bundle.getEntry().stream().anyMatch(e -> e.getResource() instanceof OperationOutcome
                    || e.hasSearch() && e.getSearch().getMode() == Bundle.SearchEntryMode.OUTCOME);
            boolean paginated = bundle.getLink(Bundle.LINK_NEXT) != null;
            if (outcome || paginated) {
                return Optional.empty();
            }
            return Optional.of(FactMapper.entries(bundle));
        }
        return Optional.of(List.of(resource));
    }
}
