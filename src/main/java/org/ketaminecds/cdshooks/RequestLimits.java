package org.ketaminecds.cdshooks;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * Explicit limits on a CDS Hooks request (OWASP ASVS V13: "all input is limited to an appropriate size"): the body
 * size, answered with 413 before anything is parsed; Jackson's read constraints, answered with 400; and how many
 * items each part may hold, answered with 400 {@code limit-exceeded} before any FHIR resource is parsed. Every step
 * after parsing does work at most linear in these counts (docs/performance.md, "Bounded work").
 *
 * @param maxBodySize the largest request body (an order-sign with full prefetch is well under a megabyte)
 * @param maxNestingDepth the deepest JSON nesting (FHIR resources inside a Bundle inside the request: about 15)
 * @param maxStringLength the longest JSON string value, in characters
 * @param maxNameLength the longest JSON property name, in characters
 * @param maxNumberLength the longest JSON number literal, in characters
 * @param maxResourcesPerKey the most entries of one prefetch Bundle (one resource type)
 * @param maxDraftOrders the most entries of {@code context.draftOrders}
 * @param maxSelections the most items of {@code context.selections}
 * @param maxAppointments the most entries of {@code context.appointments}
 * @param decisionDeadline how long one decision may take from receipt to its answer (FHIR fetch included, so
 *     longer than {@code ketamine.fhir.fetch.budget}); past it the decision stops at its next checkpoint and is
 *     recorded and answered as 503 {@code deadline-exceeded}
 */
@ConfigurationProperties("ketamine.cds-hooks.limits")
record RequestLimits(DataSize maxBodySize, int maxNestingDepth, int maxStringLength, int maxNameLength,
        int maxNumberLength, int maxResourcesPerKey, int maxDraftOrders, int maxSelections, int maxAppointments,
        Duration decisionDeadline) {

    RequestLimits {
        maxBodySize = maxBodySize == null ? DataSize.ofMegabytes(5) : maxBodySize;
        maxNestingDepth = maxNestingDepth <= 0 ? 100 : maxNestingDepth;
        maxStringLength = maxStringLength <= 0 ? 1_000_000 : maxStringLength;
        maxNameLength = maxNameLength <= 0 ? 1_000 : maxNameLength;
        maxNumberLength = maxNumberLength <= 0 ? 100 : maxNumberLength;
        maxResourcesPerKey = maxResourcesPerKey <= 0 ? 10_000 : maxResourcesPerKey;
        maxDraftOrders = maxDraftOrders <= 0 ? 500 : maxDraftOrders;
        maxSelections = maxSelections <= 0 ? 500 : maxSelections;
        maxAppointments = maxAppointments <= 0 ? 500 : maxAppointments;
        decisionDeadline = decisionDeadline == null ? Duration.ofSeconds(10) : decisionDeadline;
    }

    static RequestLimits defaults() {
        return new RequestLimits(null, 0, 0, 0, 0, 0, 0, 0, 0, null);
    }

    /** The JSON mapper that reads request bodies, with these constraints instead of Jackson's lax defaults. */
    JsonMapper jsonMapper() {
        StreamReadConstraints constraints = StreamReadConstraints.builder().maxNestingDepth(maxNestingDepth)
                .maxStringLength(maxStringLength).maxNameLength(maxNameLength).maxNumberLength(maxNumberLength)
                .maxDocumentLength(maxBodySize.toBytes()).build();
        return JsonMapper.builder(JsonFactory.builder().streamReadConstraints(constraints).build()).build();
    }
}
