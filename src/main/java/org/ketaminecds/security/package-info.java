/**
 * Who may call the service: EHR JWT verification for the CDS Hooks endpoints ({@link
 * org.ketaminecds.security.JwtEhrTokenVerifier}: asymmetric algorithms pinned to the key, trusted {@code iss} and
 * allowlisted {@code jku} only, {@code aud} the exact URL called, {@code jti} replay cache), failing closed when no
 * trusted issuer is configured, and the switch that turns it off in the {@code demo} profile.
 */
package org.ketaminecds.security;
