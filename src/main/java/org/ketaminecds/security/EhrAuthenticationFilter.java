package org.ketaminecds.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Every CDS Hooks call (discovery included) must carry {@code Authorization: Bearer <JWT>} from a trusted EHR.
 * Fails closed: a missing, unverifiable or untrusted token gets 401 with no detail, and the refusal is recorded.
 * With {@code ketamine.security.ehr-auth=disabled} (demo profile) every call passes as unauthenticated.
 */
public class EhrAuthenticationFilter extends OncePerRequestFilter {
    private final SecurityProperties properties;
    private final EhrTokenVerifier verifier;
    private final AuthenticationFailureResponder responder;

    public EhrAuthenticationFilter(SecurityProperties properties, EhrTokenVerifier verifier,
            AuthenticationFailureResponder responder) {
        this.properties = properties;
        this.verifier = verifier;
        this.responder = responder;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        boolean cdsHooks = path.equals("/cds-services") || path.startsWith("/cds-services/");
        return !cdsHooks || "OPTIONS".equals(request.getMethod());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (properties.disabled()) {
            request.setAttribute(EhrClient.ATTRIBUTE, EhrClient.UNAUTHENTICATED);
            chain.doFilter(request, response);
            return;
        }
        String header = request.getHeader("Authorization");
        String token = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7) ? header.substring(7).strip()
                : null;
        Optional<EhrClient> client = token == null || token.isEmpty() ? Optional.empty()
                : verifier.verify(token, audience(request));
        if (client.isEmpty()) {
            ClaimedIdentity claimed = ClaimedIdentity.of(token);
            responder.refuse(request, response, claimed.issuer(), claimed.jti());
            return;
        }
        request.setAttribute(EhrClient.ATTRIBUTE, client.get());
        chain.doFilter(request, response);
    }

    /** The exact URL called, as the EHR saw it: the configured public base URL plus the path. */
    String audience(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String base = properties.publicBaseUrl();
        if (base == null || base.isBlank()) {
            String url = request.getRequestURL().toString();
            return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        }
        return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + path;
    }
}
