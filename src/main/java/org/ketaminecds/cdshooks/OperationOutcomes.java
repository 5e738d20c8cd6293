package org.ketaminecds.cdshooks;

import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.ketaminecds.fhir.FhirJson;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/** The FHIR OperationOutcome body of every non-2xx answer: a stable code and a short diagnostics text. */
@Component
class OperationOutcomes {
    static final MediaType FHIR_JSON = MediaType.parseMediaType("application/fhir+json");
    private final FhirJson fhirJson;

    OperationOutcomes(FhirJson fhirJson) {
        this.fhirJson = fhirJson;
    }

    String json(CdsError error, String diagnostics, String expression) {
        OperationOutcome outcome = new OperationOutcome();
        var issue = outcome.addIssue().setSeverity(OperationOutcome.IssueSeverity.ERROR).setCode(error.issueType())
                .setDetails(new CodeableConcept(new Coding(CdsError.SYSTEM, error.code(), null)).setText(error.code()))
                .setDiagnostics(diagnostics);
        if (expression != null) {
            issue.addExpression(expression);
        }
        return fhirJson.encode(outcome);
    }

    ResponseEntity<String> response(CdsError error, String diagnostics, String expression) {
        return ResponseEntity.status(error.status()).contentType(FHIR_JSON).body(json(error, diagnostics, expression));
    }
}
