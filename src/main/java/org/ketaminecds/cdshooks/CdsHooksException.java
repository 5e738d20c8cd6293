package org.ketaminecds.cdshooks;

/** A request answered with a non-2xx status and an OperationOutcome, per the CDS Hooks specification. */
public class CdsHooksException extends RuntimeException {
    private final CdsError error;
    private final String expression;

    public CdsHooksException(CdsError error, String diagnostics) {
        this(error, diagnostics, null);
    }

    /** {@code expression} names the offending element, for example {@code context.patientId}. */
    public CdsHooksException(CdsError error, String diagnostics, String expression) {
        super(diagnostics);
        this.error = error;
        this.expression = expression;
    }

    public CdsError error() {
        return error;
    }

    public String expression() {
        return expression;
    }
}
