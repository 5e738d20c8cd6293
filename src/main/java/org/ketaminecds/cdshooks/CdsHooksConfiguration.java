package org.ketaminecds.cdshooks;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.ketaminecds.fhir.FhirJson;
import org.ketaminecds.security.AuthenticationFailureResponder;
import org.ketaminecds.security.EhrClient;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wiring of the CDS Hooks module. */
@Configuration(proxyBeanMethods = false)
class CdsHooksConfiguration {

    @Bean
    CardRenderer cardRenderer(FhirJson fhirJson) {
        return new CardRenderer(UUID::randomUUID, new CardSuggestions(UUID::randomUUID, fhirJson));
    }

    /** 401 with no detail about why, recorded like every other answer. */
    @Bean
    AuthenticationFailureResponder authenticationFailureResponder(DecisionService decisions,
            OperationOutcomes outcomes) {
        return (HttpServletRequest request, HttpServletResponse response, String issuer, String jti) -> {
            String path = request.getRequestURI().substring(request.getContextPath().length());
            String serviceId = path.startsWith("/cds-services/") ? path.substring("/cds-services/".length()) : path;
            String decisionId = decisions.refuse(serviceId, new EhrClient(issuer, jti, null), CdsError.UNAUTHORIZED);
            response.setStatus(401);
            response.setHeader("WWW-Authenticate", "Bearer");
            response.setHeader(CdsHooksController.DECISION_HEADER, decisionId);
            response.setContentType(OperationOutcomes.FHIR_JSON.toString());
            response.getOutputStream().write(outcomes.json(CdsError.UNAUTHORIZED,
                    "A valid EHR JWT is required.", null).getBytes(StandardCharsets.UTF_8));
        };
    }
}
