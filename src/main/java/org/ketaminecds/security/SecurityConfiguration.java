package org.ketaminecds.security;

import java.net.http.HttpClient;
import java.time.Clock;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Registers the EHR authentication filter, and warns loudly when authentication is off. */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {
    private static final Logger log = LoggerFactory.getLogger(SecurityConfiguration.class);

    @Bean
    FilterRegistrationBean<EhrAuthenticationFilter> ehrAuthenticationFilter(SecurityProperties properties,
            EhrTokenVerifier verifier, AuthenticationFailureResponder responder) {
        if (properties.disabled()) {
            log.warn("**************************************************************************************");
            log.warn("EHR AUTHENTICATION IS DISABLED (ketamine.security.ehr-auth=disabled). Any caller can");
            log.warn("invoke the CDS services. This is for the demo profile only: never run it on a network.");
            log.warn("**************************************************************************************");
        } else if (properties.trustedIssuers().isEmpty()) {
            log.warn("No trusted EHR issuer is configured (ketamine.security.trusted-issuers): every CDS Hooks "
                    + "call will be refused with 401.");
        }
        FilterRegistrationBean<EhrAuthenticationFilter> registration = new FilterRegistrationBean<>(
                new EhrAuthenticationFilter(properties, verifier, responder));
        registration.addUrlPatterns("/cds-services", "/cds-services/*");
        registration.setOrder(10);
        return registration;
    }

    /**
     * The JWT verifier of the configured trusted issuers; with none configured no token is trusted and the service
     * fails closed.
     */
    @Bean
    EhrTokenVerifier ehrTokenVerifier(SecurityProperties properties, JwtProperties settings, Clock clock) {
        if (properties.trustedIssuers().isEmpty()) {
            return (token, audience) -> Optional.empty();
        }
        HttpClient http = HttpClient.newBuilder().connectTimeout(settings.jwksTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        return new JwtEhrTokenVerifier(properties.trustedIssuers(), settings, clock, http);
    }
}
