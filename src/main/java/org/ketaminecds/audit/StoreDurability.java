package org.ketaminecds.audit;

import java.util.List;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Refuses an H2 store that acknowledges a commit before writing it. With H2's default {@code WRITE_DELAY} (500 ms)
 * a commit returns while its data is still only in memory, written by a background thread later: a killed process
 * loses decisions whose answers have already left. {@code WRITE_DELAY=0} in the JDBC URL writes each commit to the
 * file before it returns (docs/audit-trail.md, "Durability"); the default URL has it, a custom one may not.
 */
final class StoreDurability {
    private StoreDurability() {
    }

    static void check(JdbcTemplate jdbc) {
        String product = jdbc.execute((ConnectionCallback<String>) c -> c.getMetaData().getDatabaseProductName());
        if (!"H2".equals(product)) {
            return;
        }
        // Two rows when the URL sets it (the stored setting and the live value), one otherwise; an in-memory
        // database reports 0: it has no file to lose.
        List<String> delays = jdbc.queryForList("SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS "
                + "WHERE SETTING_NAME = 'WRITE_DELAY'", String.class);
        if (delays.isEmpty() || delays.stream().anyMatch(delay -> !"0".equals(delay))) {
            throw new IllegalStateException("The H2 audit store runs with WRITE_DELAY " + delays + ": a commit would "
                    + "return before it is written, and a killed process would lose decisions already answered. "
                    + "Add ;WRITE_DELAY=0 to spring.datasource.url (docs/audit-trail.md, \"Durability\").");
        }
    }
}
