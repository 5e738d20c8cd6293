package org.ketaminecds.cdshooks;

import org.ketaminecds.common.ApiException;
import org.ketaminecds.common.OperationOutcomes;
import org.ketaminecds.common.ErrorCode;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
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
    AuthenticationFailureResponder authenticationFailureResponder(DecisionService decisions) {
        return (HttpServletRequest request, HttpServletResponse response, String issuer, String jti) -> {
            String path = request.getRequestURI().substring(request.getContextPath().length());
            String serviceId = path.startsWith("/cds-services/") ? path.substring("/cds-services/".length()) : path;
            String decisionId = decisions.refuse(serviceId, new EhrClient(issuer, jti, null), ErrorCode.UNAUTHORIZED);
            response.setHeader("WWW-Authenticate", "Bearer");
            OperationOutcomes.write(response, new ApiException(ErrorCode.UNAUTHORIZED,
                    "A valid EHR JWT is required.").recordedAs(decisionId));
        };
    }
}
