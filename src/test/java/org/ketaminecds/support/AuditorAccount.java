package org.ketaminecds.support;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** The local auditor account of the demo profile ({@code ketamine.audit.demo-account}), for tests reading the trail. */
public final class AuditorAccount {
    /** {@code Authorization} header value of the demo auditor. */
    public static final String DEMO = "Basic " + Base64.getEncoder()
            .encodeToString("auditor:demo-auditor".getBytes(StandardCharsets.UTF_8));

    /** Properties that enable the same account outside the demo profile. */
    public static final String USERNAME_PROPERTY = "ketamine.audit.demo-account.username=auditor";
    public static final String PASSWORD_PROPERTY = "ketamine.audit.demo-account.password=demo-auditor";

    private AuditorAccount() {
    }
}
