package org.ketaminecds.common;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * The one error model of every HTTP API: each error becomes a FHIR OperationOutcome with a stable code. Never a
 * stack trace in a response: an unexpected exception is logged for operators and answered with a generic 500.
 */
@RestControllerAdvice
class ErrorResponses {
    private static final Logger log = LoggerFactory.getLogger(ErrorResponses.class);

    @ExceptionHandler(ApiException.class)
    ResponseEntity<String> api(ApiException e) {
        return OperationOutcomes.response(e);
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<String> notFound(NoResourceFoundException e) {
        return OperationOutcomes.response(ErrorCode.NOT_FOUND, "No such resource: /" + e.getResourcePath(), null);
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<String> method(HttpRequestMethodNotSupportedException e) {
        return OperationOutcomes.response(ErrorCode.METHOD_NOT_ALLOWED,
                "Method " + e.getMethod() + " is not supported here.", null);
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<String> mediaType(HttpMediaTypeNotSupportedException e) {
        return OperationOutcomes.response(ErrorCode.UNSUPPORTED_MEDIA_TYPE,
                "Unsupported media type; use application/json.", null);
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    ResponseEntity<String> notAcceptable(HttpMediaTypeNotAcceptableException e) {
        return OperationOutcomes.response(ErrorCode.NOT_ACCEPTABLE,
                "This resource answers application/json or application/fhir+json only.", null);
    }

    /** {@code page=abc} and the like: a 400 naming the parameter. */
    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<String> badParameter(MethodArgumentTypeMismatchException e) {
        return OperationOutcomes.response(ErrorCode.INVALID_FIELD, e.getName() + " has an invalid value.", e.getName());
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<String> missingParameter(MissingServletRequestParameterException e) {
        return OperationOutcomes.response(ErrorCode.MISSING_FIELD, e.getParameterName() + " is required.",
                e.getParameterName());
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<String> unreadable(HttpMessageNotReadableException e) {
        return OperationOutcomes.response(ErrorCode.MALFORMED_JSON, "The request body could not be read.", null);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<String> unexpected(Exception e) {
        log.error("Unexpected error answering a request", e);
        return OperationOutcomes.response(ErrorCode.INTERNAL_ERROR, "Internal error; the operators have been notified.",
                null);
    }
}
