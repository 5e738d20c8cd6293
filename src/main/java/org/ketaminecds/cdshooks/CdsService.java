package org.ketaminecds.cdshooks;

import java.util.List;
import org.ketaminecds.fhir.PrefetchKey;

/**
 * One CDS service of the catalogue.
 *
 * @param id the service id, the {@code {id}} in {@code /cds-services/{id}}
 * @param hook the hook it answers
 * @param title short title
 * @param description what it does
 * @param prefetch the data it needs, each key fetched from the FHIR server when not prefetched
 * @param contextFields the context fields the hook requires besides userId and patientId
 */
record CdsService(String id, String hook, String title, String description, List<PrefetchKey> prefetch,
        List<String> contextFields) {
}
