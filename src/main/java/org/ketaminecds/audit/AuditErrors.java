package org.ketaminecds.audit;

import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.ketaminecds.cdshooks.CdsError;
import org.ketaminecds.fhir.FhirJson;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/** OperationOutcome answers of the audit module, with the service's stable error codes. */
@Component
class AuditErrors {
    static final MediaType FHIR_JSON = MediaType.parseMediaType("application/fhir+json");
    private final FhirJson fhirJson;

    AuditErrors(FhirJson fhirJson) {
        this.fhirJson = fhirJson;
    }

    ResponseEntity<String> response(CdsError error, String diagnostics, String expression) {
        OperationOutcome outcome = new OperationOutcome();
        var issue = outcome.addIssue().setSeverity(OperationOutcome.IssueSeverity.ERROR).setCode(error.issueType())
                .setDetails(new CodeableConcept(new Coding(CdsError.SYSTEM, error.code(), null)).setText(error.code()))
                .setDiagnostics(diagnostics);
        if (expression != null) {
            issue.addExpression(expression);
        }
        return ResponseEntity.status(error.status()).contentType(FHIR_JSON).body(fhirJson.encode(outcome));
    }

    /** Bad input, named by its location in the request. */
    static final class BadRequest extends RuntimeException {
        final CdsError error;
        final String expression;

        BadRequest(CdsError error, String diagnostics, String expression) {
            super(diagnostics, null, false, false);
            this.error = error;
            this.expression = expression;
        }
    }
}
