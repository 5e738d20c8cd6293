package org.ketaminecds.audit;

import org.ketaminecds.common.ApiException;
import org.ketaminecds.common.ErrorCode;
import org.ketaminecds.common.OperationOutcomes;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The application's one security filter chain. It guards the audit trail only: {@code /api/audit/**} and the
 * {@code /audit} pages need the auditor role, from a bearer JWT of the organisation's OpenID Connect provider
 * ({@code spring.security.oauth2.resourceserver.jwt.*}) or, in the demo profile, a local HTTP Basic account.
 * Everything else is permitted here: the CDS Hooks endpoints are authenticated by the EHR JWT filter, whose tokens
 * are never accepted as auditor credentials (they are not signed by the auditor provider).
 */
@Configuration(proxyBeanMethods = false)
class AuditSecurityConfiguration {
    static final String AUDITOR = "AUDITOR";
    private static final Logger log = LoggerFactory.getLogger(AuditSecurityConfiguration.class);

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, AuditProperties properties,
            ObjectProvider<JwtDecoder> jwtDecoder) throws Exception {
        http.authorizeHttpRequests(requests -> requests
                .requestMatchers("/api/audit/**", "/audit", "/audit/**").hasRole(AUDITOR)
                .anyRequest().permitAll())
                .csrf(csrf -> csrf.ignoringRequestMatchers("/cds-services/**", "/api/rules/**"))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable());
        JwtDecoder decoder = jwtDecoder.getIfAvailable();
        AuthenticationEntryPoint refused = refused(decoder != null, properties.demo());
        http.exceptionHandling(handling -> handling.authenticationEntryPoint(refused)
                .accessDeniedHandler((request, response, denied) -> OperationOutcomes.write(response,
                        new ApiException(ErrorCode.FORBIDDEN, "The auditor role is required."))));
        if (decoder != null) {
            http.oauth2ResourceServer(server -> server.authenticationEntryPoint(refused)
                    .jwt(jwt -> jwt.decoder(decoder).jwtAuthenticationConverter(converter(properties))));
        }
        if (properties.demo()) {
            log.warn("The local demo auditor account '{}' is enabled (ketamine.audit.demo-account): demo profile only.",
                    properties.demoAccount().username());
            http.httpBasic(basic -> basic.authenticationEntryPoint(refused));
        }
        if (decoder == null && !properties.demo()) {
            log.warn("No auditor identity provider is configured (spring.security.oauth2.resourceserver.jwt.*): "
                    + "the audit API and pages answer 401 to everyone.");
            http.httpBasic(basic -> basic.authenticationEntryPoint(refused));
        }
        return http.build();
    }

    /**
     * 401 as an OperationOutcome, with the challenge of each way in that is configured (a browser shows its login
     * prompt for Basic), never the reason a credential was refused.
     */
    static AuthenticationEntryPoint refused(boolean bearer, boolean basic) {
        return (request, response, failure) -> {
            if (basic) {
                response.addHeader("WWW-Authenticate", "Basic realm=\"ketamine-cds audit\"");
            }
            if (bearer || !basic) {
                response.addHeader("WWW-Authenticate", "Bearer");
            }
            OperationOutcomes.write(response, new ApiException(ErrorCode.UNAUTHORIZED,
                    "Auditor credentials are required."));
        };
    }

    /** The demo auditor, or nobody: never Spring Boot's generated default user. */
    @Bean
    UserDetailsService auditorAccounts(AuditProperties properties) {
        if (!properties.demo()) {
            return new InMemoryUserDetailsManager();
        }
        UserDetails auditor = User.withUsername(properties.demoAccount().username())
                .password(PasswordEncoderFactories.createDelegatingPasswordEncoder()
                        .encode(properties.demoAccount().password()))
                .roles(AUDITOR).build();
        return new InMemoryUserDetailsManager(auditor);
    }

    static JwtAuthenticationConverter converter(AuditProperties properties) {
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(jwt -> authorities(jwt, properties));
        return converter;
    }

    static Collection<GrantedAuthority> authorities(Jwt jwt, AuditProperties properties) {
        Object value = jwt.getClaims();
        for (String part : properties.roleClaim().split("\\.")) {
            value = value instanceof Map<?, ?> map ? map.get(part) : null;
        }
        boolean auditor = value instanceof Collection<?> roles ? roles.stream().anyMatch(
                role -> properties.auditorRole().equals(String.valueOf(role)))
                : value instanceof String text && List.of(text.split(" ")).contains(properties.auditorRole());
        return auditor ? List.of(new SimpleGrantedAuthority("ROLE_" + AUDITOR)) : List.of();
    }
}
