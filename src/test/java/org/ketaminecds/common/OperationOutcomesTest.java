package org.ketaminecds.common;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.StrictErrorHandler;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.junit.jupiter.api.Test;

/** The error body is written by hand for speed; it must still be a valid FHIR R4 OperationOutcome. */
class OperationOutcomesTest {

    @Test
    void every_error_code_gives_an_operation_outcome_that_hapi_reads_strictly() {
        var parser = FhirContext.forR4().newJsonParser().setParserErrorHandler(new StrictErrorHandler());
        for (ErrorCode error : ErrorCode.values()) {
            String json = OperationOutcomes.json(error, "Diagnostics with \"quotes\" and \\ and <tags>.", "context.x");
            OperationOutcome outcome = parser.parseResource(OperationOutcome.class, json);
            var issue = outcome.getIssueFirstRep();
            assertThat(issue.getSeverity()).isEqualTo(OperationOutcome.IssueSeverity.ERROR);
            assertThat(issue.getCode().toCode()).isEqualTo(error.issueType());
            assertThat(issue.getDetails().getCodingFirstRep().getSystem()).isEqualTo(ErrorCode.SYSTEM);
            assertThat(issue.getDetails().getCodingFirstRep().getCode()).isEqualTo(error.code());
            assertThat(issue.getDiagnostics()).isEqualTo("Diagnostics with \"quotes\" and \\ and <tags>.");
            assertThat(issue.getExpression().get(0).getValue()).isEqualTo("context.x");
        }
    }

    @Test
    void a_status_no_handler_named_maps_to_its_code_and_anything_else_to_an_internal_error() {
        assertThat(ErrorCode.forStatus(404)).isEqualTo(ErrorCode.NOT_FOUND);
        assertThat(ErrorCode.forStatus(401)).isEqualTo(ErrorCode.UNAUTHORIZED);
        assertThat(ErrorCode.forStatus(418)).isEqualTo(ErrorCode.INTERNAL_ERROR);
    }
}
