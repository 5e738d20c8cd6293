package org.ketaminecds.common;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The body of every non-2xx answer: a FHIR R4 OperationOutcome with one error issue, the stable code in
 * {@code issue.details.coding} and a short diagnostics text. Written directly as JSON (it has five fields), so
 * filters can answer before any FHIR machinery is touched; {@code OperationOutcomesTest} parses it with HAPI.
 */
public final class OperationOutcomes {
    /** {@code application/fhir+json}. */
    public static final MediaType FHIR_JSON = MediaType.parseMediaType("application/fhir+json");
    /** The header that names the audit record of an answer. */
    public static final String DECISION_HEADER = "X-Decision-Id";

    private OperationOutcomes() {
    }

    /** The OperationOutcome as JSON text. */
    public static String json(ErrorCode error, String diagnostics, String expression) {
        ObjectNode outcome = JsonNodeFactory.instance.objectNode().put("resourceType", "OperationOutcome");
        ObjectNode issue = outcome.putArray("issue").addObject().put("severity", "error").put("code", error.issueType());
        ObjectNode details = issue.putObject("details");
        details.putArray("coding").addObject().put("system", ErrorCode.SYSTEM).put("code", error.code());
        details.put("text", error.code());
        if (diagnostics != null) {
            issue.put("diagnostics", diagnostics);
        }
        if (expression != null) {
            issue.putArray("expression").add(expression);
        }
        return outcome.toString();
    }

    /** The answer for an exception: its status, the OperationOutcome and, when recorded, the decision id header. */
    public static ResponseEntity<String> response(ApiException e) {
        ResponseEntity.BodyBuilder answer = ResponseEntity.status(e.error().status()).contentType(FHIR_JSON);
        if (e.decisionId() != null) {
            answer.header(DECISION_HEADER, e.decisionId());
        }
        return answer.body(json(e.error(), e.getMessage(), e.expression()));
    }

    /** The answer for a code and a text. */
    public static ResponseEntity<String> response(ErrorCode error, String diagnostics, String expression) {
        return response(new ApiException(error, diagnostics, expression));
    }

    /** Writes the answer straight to a servlet response (filters and security entry points). */
    public static void write(HttpServletResponse response, ApiException e) throws IOException {
        response.setStatus(e.error().status());
        if (e.decisionId() != null) {
            response.setHeader(DECISION_HEADER, e.decisionId());
        }
        response.setContentType(FHIR_JSON.toString());
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(json(e.error(), e.getMessage(), e.expression()));
    }
}
