package org.ketaminecds.common;

/**
 * A request answered with a non-2xx status and an OperationOutcome: the stable code, a short diagnostics text for
 * the caller and, where one applies, the offending element. When the answer has been recorded in the audit trail it
 * carries the record's id, which goes back in the {@code X-Decision-Id} header.
 */
public class ApiException extends RuntimeException {
    private final ErrorCode error;
    private final String expression;
    private final String decisionId;

    public ApiException(ErrorCode error, String diagnostics) {
        this(error, diagnostics, null);
    }

    /** {@code expression} names the offending element, for example {@code context.patientId}. */
    public ApiException(ErrorCode error, String diagnostics, String expression) {
        this(error, diagnostics, expression, null);
    }

    private ApiException(ErrorCode error, String diagnostics, String expression, String decisionId) {
        // An expected answer, not a defect: no stack trace is taken (they are never shown or logged).
        super(diagnostics, null, false, false);
        this.error = error;
        this.expression = expression;
        this.decisionId = decisionId;
    }

    public ErrorCode error() {
        return error;
    }

    /** The offending element, may be null. */
    public String expression() {
        return expression;
    }

    /** The id of the audit record of this answer; null when it was not recorded (or could not be). */
    public String decisionId() {
        return decisionId;
    }

    /** The same answer, recorded under {@code id}. */
    public ApiException recordedAs(String id) {
        return new ApiException(error, getMessage(), expression, id);
    }
}
