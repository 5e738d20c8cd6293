package org.ketaminecds.audit;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Who may read the audit trail.
 *
 * @param roleClaim the claim of the organisation's OpenID Connect access token that holds roles; a dotted path
 *        reaches into objects ({@code realm_access.roles}); the value may be a list or a space-separated string
 * @param auditorRole the role value that grants audit access
 * @param demoAccount a local HTTP Basic account (demo profile only); absent in production
 */
@ConfigurationProperties("ketamine.audit")
record AuditProperties(String roleClaim, String auditorRole, DemoAccount demoAccount) {

    AuditProperties {
        roleClaim = roleClaim == null || roleClaim.isBlank() ? "roles" : roleClaim;
        auditorRole = auditorRole == null || auditorRole.isBlank() ? "cds-auditor" : auditorRole;
    }

    boolean demo() {
        return demoAccount != null && demoAccount.username() != null && demoAccount.password() != null
                && !demoAccount.password().isBlank();
    }

    /**
     * @param username the auditor's user name
     * @param password the auditor's password (set it with {@code KETAMINE_AUDITOR_PASSWORD})
     */
    record DemoAccount(String username, String password) {
    }
}
