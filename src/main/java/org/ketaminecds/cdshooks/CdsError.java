package org.ketaminecds.cdshooks;

import org.hl7.fhir.r4.model.OperationOutcome.IssueType;

/**
 * The stable error codes of non-2xx answers, with their HTTP status and the OperationOutcome issue type. The code
 * travels in {@code OperationOutcome.issue.details.coding} (system {@link #SYSTEM}), so an EHR integrator can
 * branch on it.
 */
public enum CdsError {
    UNKNOWN_SERVICE(404, "unknown-service", IssueType.NOTFOUND),
    NOT_FOUND(404, "not-found", IssueType.NOTFOUND),
    METHOD_NOT_ALLOWED(405, "method-not-allowed", IssueType.NOTSUPPORTED),
    UNSUPPORTED_MEDIA_TYPE(415, "unsupported-media-type", IssueType.NOTSUPPORTED),
    MALFORMED_JSON(400, "malformed-json", IssueType.STRUCTURE),
    MISSING_FIELD(400, "missing-field", IssueType.REQUIRED),
    INVALID_FIELD(400, "invalid-field", IssueType.VALUE),
    HOOK_MISMATCH(400, "hook-mismatch", IssueType.INVALID),
    INVALID_FHIR_RESOURCE(400, "invalid-fhir-resource", IssueType.STRUCTURE),
    PAYLOAD_TOO_LARGE(413, "payload-too-large", IssueType.TOOCOSTLY),
    UNAUTHORIZED(401, "unauthorized", IssueType.LOGIN),
    FORBIDDEN(403, "forbidden", IssueType.FORBIDDEN),
    PREFETCH_UNAVAILABLE(412, "prefetch-unavailable", IssueType.PROCESSING),
    AUDIT_UNAVAILABLE(503, "audit-unavailable", IssueType.TRANSIENT),
    INTERNAL_ERROR(500, "internal-error", IssueType.EXCEPTION);

    /** The CodeSystem of these codes. */
    public static final String SYSTEM = "https://ketamine-cds.example.org/CodeSystem/error";

    private final int status;
    private final String code;
    private final IssueType issueType;

    CdsError(int status, String code, IssueType issueType) {
        this.status = status;
        this.code = code;
        this.issueType = issueType;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public IssueType issueType() {
        return issueType;
    }
}
