package org.ketaminecds.common;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Replaces Spring Boot's error page: what the servlet container answers on its own (an error raised in a filter,
 * a path no handler maps) is an OperationOutcome too. Asked for directly, {@code /error} is simply not found.
 */
@RestController
class ErrorPage implements ErrorController {

    @RequestMapping("/error")
    ResponseEntity<String> error(HttpServletRequest request) {
        Object status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        if (!(status instanceof Integer code) || code < 400) {
            return OperationOutcomes.response(ErrorCode.NOT_FOUND, "No such resource: /error", null);
        }
        ErrorCode error = ErrorCode.forStatus(code);
        String diagnostics = error == ErrorCode.INTERNAL_ERROR ? "Internal error; the operators have been notified."
                : "The request was refused (" + error.code() + ").";
        return ResponseEntity.status(code).contentType(OperationOutcomes.FHIR_JSON)
                .body(OperationOutcomes.json(error, diagnostics, null));
    }
}
