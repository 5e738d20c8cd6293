package org.ketaminecds.fhir;

import java.util.List;
import org.hl7.fhir.r4.model.Resource;

/**
 * The FHIR part of a hook's {@code context}, parsed.
 *
 * @param hook the hook
 * @param patientId {@code context.patientId}
 * @param draftOrders the resources of {@code context.draftOrders} (order-select, order-sign)
 * @param selections {@code context.selections} (order-select), for example {@code MedicationRequest/abc}
 * @param appointments the resources of {@code context.appointments} (appointment-book)
 */
public record HookContext(String hook, String patientId, List<Resource> draftOrders, List<String> selections,
        List<Resource> appointments) {

    public HookContext {
        draftOrders = draftOrders == null ? List.of() : List.copyOf(draftOrders);
        selections = selections == null ? List.of() : List.copyOf(selections);
        appointments = appointments == null ? List.of() : List.copyOf(appointments);
    }

    /** True for order-select and order-sign: the draft order decides the product. */
    public boolean orderHook() {
        return "order-select".equals(hook) || "order-sign".equals(hook);
    }
}
