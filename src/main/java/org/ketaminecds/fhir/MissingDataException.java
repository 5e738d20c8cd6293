package org.ketaminecds.fhir;

import java.util.List;

/** Required data was neither prefetched nor fetchable: the service answers 412. */
public class MissingDataException extends RuntimeException {
    private final transient List<PrefetchKey> keys;

    public MissingDataException(List<PrefetchKey> keys) {
        super("Required data was neither prefetched nor retrievable from the FHIR server: "
                + keys.stream().map(PrefetchKey::key).toList());
        this.keys = List.copyOf(keys);
    }

    public List<PrefetchKey> keys() {
        return keys;
    }
}
