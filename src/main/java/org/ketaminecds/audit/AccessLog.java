package org.ketaminecds.audit;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.util.UUID;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Every read of the audit trail is itself recorded, who, what and when, in the {@code access} hash chain, before
 * the data is sent. A read that cannot be recorded is not served.
 */
@Configuration(proxyBeanMethods = false)
class AccessLog implements WebMvcConfigurer {
    private final HashChain chain;
    private final Clock clock;

    AccessLog(HashChain chain, Clock clock) {
        this.chain = chain;
        this.clock = clock;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
            @Override
            public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
                record(request);
                return true;
            }
        }).addPathPatterns("/api/audit/**");
    }

    void record(HttpServletRequest request) {
        Authentication who = SecurityContextHolder.getContext().getAuthentication();
        chain.append(ChainedTable.ACCESS, new AccessRecord(UUID.randomUUID().toString(), clock.instant(),
                who == null ? "anonymous" : who.getName(), request.getMethod(), request.getRequestURI(),
                request.getQueryString()), jdbc -> true, jdbc -> { });
    }
}
