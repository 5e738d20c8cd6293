/**
 * Who may call the service: EHR JWT verification for the CDS Hooks endpoints (fail closed: with no trusted
 * issuer configured every call is refused) and the switch that turns it off in the {@code demo} profile.
 */
package org.ketaminecds.security;
