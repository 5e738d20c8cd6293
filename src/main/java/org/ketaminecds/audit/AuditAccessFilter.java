package org.ketaminecds.audit;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The audit trail is PHI. Until an auditor identity provider is configured, the read API is closed (401) except
 * where {@code ketamine.audit.access=open} (the demo profile). EHR JWTs never open it.
 */
class AuditAccessFilter extends OncePerRequestFilter {
    private final AuditProperties properties;

    AuditAccessFilter(AuditProperties properties) {
        this.properties = properties;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (properties.open()) {
            chain.doFilter(request, response);
            return;
        }
        response.setStatus(401);
        response.setHeader("WWW-Authenticate", "Bearer");
        response.setContentType("application/fhir+json");
        response.getOutputStream().write(("{\"resourceType\":\"OperationOutcome\",\"issue\":[{\"severity\":\"error\","
                + "\"code\":\"login\",\"details\":{\"coding\":[{\"system\":\"https://ketamine-cds.example.org/CodeSystem/error\","
                + "\"code\":\"unauthorized\"}],\"text\":\"unauthorized\"},\"diagnostics\":\"Auditor authentication is "
                + "required.\"}]}").getBytes(StandardCharsets.UTF_8));
    }

    /**
     * @param access {@code closed} (default) or {@code open} (demo profile only)
     */
    @ConfigurationProperties("ketamine.audit")
    record AuditProperties(String access) {
        boolean open() {
            return "open".equalsIgnoreCase(access);
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Registration {
        @Bean
        FilterRegistrationBean<AuditAccessFilter> auditAccessFilter(AuditProperties properties) {
            FilterRegistrationBean<AuditAccessFilter> registration = new FilterRegistrationBean<>(
                    new AuditAccessFilter(properties));
            registration.addUrlPatterns("/api/audit/*");
            registration.setOrder(20);
            return registration;
        }
    }
}
