package org.ketaminecds.cdshooks;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ketaminecds.fhir.PrefetchKey;
import org.springframework.stereotype.Component;

/** The four services: one per hook, all evaluating the same rule pack. */
@Component
class ServiceCatalogue {
    private static final List<PrefetchKey> ALL = Arrays.asList(PrefetchKey.values());
    private final Map<String, CdsService> services = new LinkedHashMap<>();

    ServiceCatalogue() {
        add(new CdsService("ketamine-order-sign", "order-sign", "Ketamine and esketamine order check",
                "Before an IV ketamine or esketamine order is signed: contraindications and cautions, interactions "
                        + "with current medications, and the treatment schedule.",
                ALL, List.of("draftOrders")));
        add(new CdsService("ketamine-order-select", "order-select", "Ketamine and esketamine early order check",
                "When IV ketamine or esketamine is selected for ordering: contraindications and cautions, "
                        + "interactions with current medications, and the treatment schedule.",
                ALL, List.of("selections", "draftOrders")));
        add(new CdsService("ketamine-patient-view", "patient-view", "Ketamine and esketamine treatment review",
                "When the chart of a patient on IV ketamine or esketamine opens: suitability, interactions, "
                        + "monitoring and reassessment due.",
                ALL, List.of()));
        add(new CdsService("ketamine-appointment-book", "appointment-book", "Ketamine and esketamine schedule check",
                "When a treatment appointment is booked: whether the date fits the induction or maintenance "
                        + "schedule, and what to reassess at the visit.",
                ALL, List.of("appointments")));
    }

    private void add(CdsService service) {
        services.put(service.id(), service);
    }

    Optional<CdsService> find(String id) {
        return Optional.ofNullable(services.get(id));
    }

    List<CdsService> all() {
        return List.copyOf(services.values());
    }
}
