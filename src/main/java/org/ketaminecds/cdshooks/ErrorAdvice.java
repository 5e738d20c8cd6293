package org.ketaminecds.cdshooks;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Maps every error to a FHIR OperationOutcome with a stable code. Never a stack trace in a response: an unexpected
 * exception is logged for operators and answered with a generic 500.
 */
@RestControllerAdvice
class ErrorAdvice {
    private static final Logger log = LoggerFactory.getLogger(ErrorAdvice.class);
    private final OperationOutcomes outcomes;

    ErrorAdvice(OperationOutcomes outcomes) {
        this.outcomes = outcomes;
    }

    @ExceptionHandler(DecisionService.RecordedException.class)
    ResponseEntity<String> recorded(DecisionService.RecordedException e) {
        CdsHooksException error = e.error();
        ResponseEntity<String> response = outcomes.response(error.error(), error.getMessage(), error.expression());
        return e.decisionId() == null ? response : ResponseEntity.status(response.getStatusCode())
                .headers(response.getHeaders()).header(CdsHooksController.DECISION_HEADER, e.decisionId())
                .body(response.getBody());
    }

    @ExceptionHandler(CdsHooksException.class)
    ResponseEntity<String> cdsHooks(CdsHooksException e) {
        return outcomes.response(e.error(), e.getMessage(), e.expression());
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<String> notFound(NoResourceFoundException e) {
        return outcomes.response(CdsError.NOT_FOUND, "No such resource: /" + e.getResourcePath(), null);
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<String> method(HttpRequestMethodNotSupportedException e) {
        return outcomes.response(CdsError.METHOD_NOT_ALLOWED, "Method " + e.getMethod() + " is not supported here.", null);
    }

    @ExceptionHandler({HttpMediaTypeNotSupportedException.class, HttpMediaTypeNotAcceptableException.class})
    ResponseEntity<String> mediaType(Exception e) {
        return outcomes.response(CdsError.UNSUPPORTED_MEDIA_TYPE, "Unsupported media type; use application/json.", null);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<String> unexpected(Exception e) {
        log.error("Unexpected error answering a request", e);
        return outcomes.response(CdsError.INTERNAL_ERROR, "Internal error; the operators have been notified.", null);
    }
}
