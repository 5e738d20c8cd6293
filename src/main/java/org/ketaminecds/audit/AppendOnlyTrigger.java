package org.ketaminecds.audit;

import java.sql.Connection;
import java.sql.SQLException;
import org.h2.api.Trigger;

/**
 * H2's append-only guard on the audit tables (see {@code db/vendor/h2/V3__append_only.sql}): refuses every UPDATE
 * and DELETE. Public only because H2 instantiates it by name.
 */
public final class AppendOnlyTrigger implements Trigger {
    private String table;

    @Override
    public void init(Connection conn, String schemaName, String triggerName, String tableName, boolean before,
            int type) {
        this.table = tableName;
    }

    @Override
    public void fire(Connection conn, Object[] oldRow, Object[] newRow) throws SQLException {
        throw new SQLException("audit table " + table + " is append-only: update and delete are refused", "42501");
    }
}
