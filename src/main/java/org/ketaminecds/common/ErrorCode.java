package org.ketaminecds.common;

/**
 * The stable error codes of every non-2xx answer of every HTTP API (CDS Hooks, feedback, audit, rules), with their
 * HTTP status and the FHIR {@code OperationOutcome.issue.code}. The code travels in
 * {@code OperationOutcome.issue.details.coding} (system {@link #SYSTEM}), so a client can branch on it.
 */
public enum ErrorCode {
    UNKNOWN_SERVICE(404, "unknown-service", "not-found"),
    NOT_FOUND(404, "not-found", "not-found"),
    METHOD_NOT_ALLOWED(405, "method-not-allowed", "not-supported"),
    NOT_ACCEPTABLE(406, "not-acceptable", "not-supported"),
    UNSUPPORTED_MEDIA_TYPE(415, "unsupported-media-type", "not-supported"),
    MALFORMED_JSON(400, "malformed-json", "structure"),
    MISSING_FIELD(400, "missing-field", "required"),
    INVALID_FIELD(400, "invalid-field", "value"),
    HOOK_MISMATCH(400, "hook-mismatch", "invalid"),
    INVALID_FHIR_RESOURCE(400, "invalid-fhir-resource", "structure"),
    PAYLOAD_TOO_LARGE(413, "payload-too-large", "too-costly"),
    LIMIT_EXCEEDED(400, "limit-exceeded", "too-costly"),
    UNAUTHORIZED(401, "unauthorized", "login"),
    FORBIDDEN(403, "forbidden", "forbidden"),
    CONFLICT(409, "conflict", "conflict"),
    PREFETCH_UNAVAILABLE(412, "prefetch-unavailable", "processing"),
    AUDIT_UNAVAILABLE(503, "audit-unavailable", "transient"),
    DEADLINE_EXCEEDED(503, "deadline-exceeded", "timeout"),
    INTERNAL_ERROR(500, "internal-error", "exception");

    /** The CodeSystem of these codes. */
    public static final String SYSTEM = "https://ketamine-cds.example.org/CodeSystem/error";

    private final int status;
    private final String code;
    private final String issueType;

    ErrorCode(int status, String code, String issueType) {
        this.status = status;
        this.code = code;
        this.issueType = issueType;
    }

    /** The HTTP status. */
    public int status() {
        return status;
    }

    /** The stable code, for example {@code prefetch-unavailable}. */
    public String code() {
        return code;
    }

    /** The FHIR IssueType code ({@code http://hl7.org/fhir/issue-type}). */
    public String issueType() {
        return issueType;
    }

    /** The code for an HTTP status that no handler named (a container error page); 500 when there is none. */
    public static ErrorCode forStatus(int status) {
        return switch (status) {
            case 400 -> INVALID_FIELD;
            case 401 -> UNAUTHORIZED;
            case 403 -> FORBIDDEN;
            case 404 -> NOT_FOUND;
            case 405 -> METHOD_NOT_ALLOWED;
            case 406 -> NOT_ACCEPTABLE;
            case 409 -> CONFLICT;
            case 413 -> PAYLOAD_TOO_LARGE;
            case 415 -> UNSUPPORTED_MEDIA_TYPE;
            case 503 -> AUDIT_UNAVAILABLE;
            default -> INTERNAL_ERROR;
        };
    }
}
