package org.ketaminecds.cdshooks;

import org.ketaminecds.common.OperationOutcomes;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.CorsRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** The request body limit (before authentication) and CORS for the CDS Hooks endpoints. */
@Configuration(proxyBeanMethods = false)
class WebHardeningConfiguration {

    @Bean
    FilterRegistrationBean<BodySizeLimitFilter> bodySizeLimitFilter(RequestLimits limits, DecisionService decisions) {
        FilterRegistrationBean<BodySizeLimitFilter> registration = new FilterRegistrationBean<>(
                new BodySizeLimitFilter(limits, decisions));
        registration.addUrlPatterns("/cds-services", "/cds-services/*");
        registration.setOrder(5);
        return registration;
    }

    @Bean
    WebMvcConfigurer cdsHooksCors(CorsSettings cors) {
        return new WebMvcConfigurer() {
            @Override
            public void addCorsMappings(CorsRegistry registry) {
                if (cors.allowedOrigins().isEmpty()) {
                    return;
                }
                for (String path : new String[] {"/cds-services", "/cds-services/**"}) {
                    registry.addMapping(path).allowedOrigins(cors.allowedOrigins().toArray(String[]::new))
                            .allowedMethods("GET", "POST", "OPTIONS")
                            .allowedHeaders("Authorization", "Content-Type")
                            .exposedHeaders(CdsHooksController.DECISION_HEADER).allowCredentials(false).maxAge(600);
                }
            }
        };
    }
}
