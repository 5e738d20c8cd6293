package org.ketaminecds.cdshooks;

import org.ketaminecds.common.ApiException;
import org.ketaminecds.common.ErrorCode;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Resource;
import org.ketaminecds.common.CanonicalJson;
import org.ketaminecds.fhir.FactMapper;
import org.ketaminecds.fhir.FhirJson;
import org.ketaminecds.fhir.FhirServerAccess;
import org.ketaminecds.fhir.HookContext;
import org.ketaminecds.fhir.InvalidResourceException;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Reads and validates a CDS Hooks request body against the service it was sent to. */
@Component
class RequestParser {
    private final JsonMapper json;
    private final FhirJson fhirJson;
    private final RequestLimits limits;

    RequestParser(RequestLimits limits, FhirJson fhirJson) {
        this.json = limits.jsonMapper();
        this.fhirJson = fhirJson;
        this.limits = limits;
    }

    /** Parses the body as a JSON object; a malformed body is a 400. */
    ObjectNode tree(String body) {
        if (body == null || body.isBlank()) {
            throw new ApiException(ErrorCode.MALFORMED_JSON, "The request body is empty; a CDS Hooks request is a JSON object.");
        }
        try {
            JsonNode node = json.readTree(body);
            if (node instanceof ObjectNode object) {
                return object;
            }
        } catch (JacksonException e) {
            throw new ApiException(ErrorCode.MALFORMED_JSON, "The request body is not valid JSON (line "
                    + (e.getLocation() == null ? "?" : e.getLocation().getLineNr()) + ").");
        }
        throw new ApiException(ErrorCode.MALFORMED_JSON, "The request body must be a JSON object.");
    }

    HookRequest parse(ObjectNode body, CdsService service) {
        String hook = requiredString(body, "hook", "hook");
        if (!hook.equals(service.hook())) {
            throw new ApiException(ErrorCode.HOOK_MISMATCH, "Service " + service.id() + " answers the hook '"
                    + service.hook() + "', not '" + hook + "'.", "hook");
        }
        String hookInstance = requiredString(body, "hookInstance", "hookInstance");
        FhirServerAccess access = access(body);
        JsonNode context = body.get("context");
        if (!(context instanceof ObjectNode)) {
            throw new ApiException(ErrorCode.MISSING_FIELD, "'context' is required and must be a JSON object.", "context");
        }
        String userId = requiredString(context, "userId", "context.userId");
        String patientId = requiredString(context, "patientId", "context.patientId");
        String encounterId = optionalString(context, "encounterId", "context.encounterId");
        HookContext hookContext = new HookContext(hook, patientId,
                service.contextFields().contains("draftOrders")
                        ? bundle(context, "draftOrders", limits.maxDraftOrders()) : List.of(),
                service.contextFields().contains("selections") ? selections(context) : List.of(),
                service.contextFields().contains("appointments")
                        ? bundle(context, "appointments", limits.maxAppointments()) : List.of());
        ObjectNode withoutToken = body.deepCopy();
        withoutToken.remove("fhirAuthorization");
        return new HookRequest(hook, hookInstance, userId, patientId, encounterId, hookContext, prefetch(body), access,
                CanonicalJson.sha256(withoutToken));
    }

    private FhirServerAccess access(JsonNode body) {
        String fhirServer = optionalString(body, "fhirServer", "fhirServer");
        if (fhirServer != null) {
            try {
                URI uri = URI.create(fhirServer);
                if (!uri.isAbsolute() || !("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))) {
                    throw new IllegalArgumentException();
                }
            } catch (IllegalArgumentException e) {
                throw new ApiException(ErrorCode.INVALID_FIELD, "'fhirServer' must be an absolute http(s) URL.", "fhirServer");
            }
        }
        JsonNode auth = body.get("fhirAuthorization");
        if (auth == null || auth.isNull()) {
            return new FhirServerAccess(fhirServer, null);
        }
        if (!auth.isObject()) {
            throw new ApiException(ErrorCode.INVALID_FIELD, "'fhirAuthorization' must be a JSON object.", "fhirAuthorization");
        }
        if (fhirServer == null) {
            throw new ApiException(ErrorCode.MISSING_FIELD, "'fhirServer' is required when 'fhirAuthorization' is present.", "fhirServer");
        }
        String token = requiredString(auth, "access_token", "fhirAuthorization.access_token");
        return new FhirServerAccess(fhirServer, token);
    }

    private List<Resource> bundle(JsonNode context, String field, int max) {
        JsonNode node = context.get(field);
        if (node == null || node.isNull()) {
            throw new ApiException(ErrorCode.MISSING_FIELD, "'context." + field + "' is required for this hook.", "context." + field);
        }
        if (!node.isObject()) {
            throw new ApiException(ErrorCode.INVALID_FIELD, "'context." + field + "' must be a FHIR Bundle.", "context." + field);
        }
        atMost(node.path("entry").size(), max, "context." + field);
        try {
            Resource resource = fhirJson.parse(node.toString(), "context." + field);
            if (!(resource instanceof Bundle)) {
                throw new ApiException(ErrorCode.INVALID_FIELD, "'context." + field + "' must be a FHIR Bundle.", "context." + field);
            }
            return FactMapper.entries(resource);
        } catch (InvalidResourceException e) {
            throw new ApiException(ErrorCode.INVALID_FHIR_RESOURCE, e.getMessage(), "context." + field);
        }
    }

    private List<String> selections(JsonNode context) {
        JsonNode node = context.get("selections");
        if (node == null || !node.isArray()) {
            throw new ApiException(ErrorCode.MISSING_FIELD, "'context.selections' is required for order-select and must be an array.", "context.selections");
        }
        atMost(node.size(), limits.maxSelections(), "context.selections");
        List<String> selections = new ArrayList<>();
        for (JsonNode item : node) {
            if (!item.isString()) {
                throw new ApiException(ErrorCode.INVALID_FIELD, "'context.selections' must hold strings such as 'MedicationRequest/123'.", "context.selections");
            }
            selections.add(item.asString());
        }
        return selections;
    }

    private Map<String, String> prefetch(JsonNode body) {
        JsonNode node = body.get("prefetch");
        if (node == null || node.isNull()) {
            return Map.of();
        }
        if (!node.isObject()) {
            throw new ApiException(ErrorCode.INVALID_FIELD, "'prefetch' must be a JSON object.", "prefetch");
        }
        Map<String, String> prefetch = new HashMap<>();
        for (var entry : node.properties()) {
            JsonNode value = entry.getValue();
            if (!value.isNull() && !value.isObject()) {
                throw new ApiException(ErrorCode.INVALID_FIELD, "prefetch '" + entry.getKey()
                        + "' must be a FHIR resource or null.", "prefetch." + entry.getKey());
            }
            atMost(value.path("entry").size(), limits.maxResourcesPerKey(), "prefetch." + entry.getKey());
            prefetch.put(entry.getKey(), value.isNull() ? null : value.toString());
        }
        return prefetch;
    }

    /** Counted in the JSON tree, before HAPI parses anything: refusing costs no more than reading the body. */
    private static void atMost(int count, int max, String path) {
        if (count > max) {
            throw new ApiException(ErrorCode.LIMIT_EXCEEDED, "'" + path + "' holds " + count + " items; at most " + max
                    + " are accepted (ketamine.cds-hooks.limits).", path);
        }
    }

    private static String requiredString(JsonNode node, String field, String path) {
        String value = optionalString(node, field, path);
        if (value == null || value.isBlank()) {
            throw new ApiException(ErrorCode.MISSING_FIELD, "'" + path + "' is required.", path);
        }
        return value;
    }

    private static String optionalString(JsonNode node, String field, String path) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isString()) {
            throw new ApiException(ErrorCode.INVALID_FIELD, "'" + path + "' must be a string.", path);
        }
        return value.asString();
    }
}
