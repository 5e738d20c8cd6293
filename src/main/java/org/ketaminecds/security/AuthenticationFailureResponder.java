package org.ketaminecds.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** Answers a refused CDS Hooks call (401 with no detail) and records it. Implemented by the CDS Hooks module. */
public interface AuthenticationFailureResponder {

    /**
     * @param claimedIssuer the unverified {@code iss} the token claimed, for the audit record only; may be null
     * @param claimedJti the unverified {@code jti}, for the audit record only; may be null
     */
    void refuse(HttpServletRequest request, HttpServletResponse response, String claimedIssuer, String claimedJti)
            throws IOException;
}
