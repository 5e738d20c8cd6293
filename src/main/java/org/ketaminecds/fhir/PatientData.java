package org.ketaminecds.fhir;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hl7.fhir.r4.model.Medication;
import org.hl7.fhir.r4.model.Resource;

/**
 * The FHIR data of one request: resources by prefetch key, the Medication resources any of them may reference,
 * and the list of every resource used with where it came from.
 */
public final class PatientData {
    private final Map<PrefetchKey, List<Resource>> byKey = new EnumMap<>(PrefetchKey.class);
    private final Map<String, Medication> medications = new HashMap<>();
    private final List<ResourceUse> uses = new ArrayList<>();

    void put(PrefetchKey key, List<Resource> resources, DataSource source) {
        List<Resource> kept = new ArrayList<>();
        for (Resource resource : resources) {
            addUse(resource, source, key.key());
            if (resource instanceof Medication medication) {
                addMedication(medication);
            } else if (resource.getResourceType() == key.type()) {
                kept.add(resource);
            }
        }
        byKey.put(key, kept);
    }

    /** Records a resource from the hook's context (draft orders, appointments). */
    void addContext(Resource resource, String field) {
        addUse(resource, DataSource.CONTEXT, field);
        if (resource instanceof Medication medication) {
            addMedication(medication);
        }
    }

    private void addMedication(Medication medication) {
        if (medication.hasIdElement() && medication.getIdElement().hasIdPart()) {
            medications.put("Medication/" + medication.getIdElement().getIdPart(), medication);
        }
    }

    private void addUse(Resource resource, DataSource source, String key) {
        String ref = resource.fhirType() + "/" + (resource.getIdElement().hasIdPart()
                ? resource.getIdElement().getIdPart() : "(no id)");
        String version = resource.getMeta().hasVersionId() ? resource.getMeta().getVersionId()
                : resource.getIdElement().getVersionIdPart();
        String lastUpdated = resource.getMeta().hasLastUpdated() ? resource.getMeta().getLastUpdatedElement()
                .getValueAsString() : null;
        uses.add(new ResourceUse(ref, version, lastUpdated, source, key));
    }

    /** The resources of one key (empty when the key carried no data). */
    @SuppressWarnings("unchecked")
    public <T extends Resource> List<T> get(PrefetchKey key, Class<T> type) {
        return (List<T>) byKey.getOrDefault(key, List.of()).stream().filter(type::isInstance).toList();
    }

    /** The Medication resource for a reference such as {@code Medication/123}, from any prefetch or context. */
    public Optional<Medication> medication(String reference) {
        if (reference == null) {
            return Optional.empty();
        }
        String ref = reference.contains("Medication/") ? reference.substring(reference.lastIndexOf("Medication/"))
                : reference;
        int history = ref.indexOf("/_history");
        return Optional.ofNullable(medications.get(history > 0 ? ref.substring(0, history) : ref));
    }

    /** Every resource used, with where it came from. */
    public List<ResourceUse> uses() {
        return List.copyOf(uses);
    }

    /** True when the key's data was provided (prefetched, fetched, or prefetched as {@code null}). */
    public boolean has(PrefetchKey key) {
        return byKey.containsKey(key);
    }
}
