package org.ketaminecds.audit;

import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Walks the audit hash chains in {@code chain_seq} order and names the first record that was modified (its content
 * no longer matches its hash), deleted (a gap, or a successor linked to a record that is gone), reordered (a record
 * whose own hash holds but that links to another predecessor), or cut off the end (fewer records than the head).
 */
public final class ChainVerifier {
    private final JdbcTemplate jdbc;

    public ChainVerifier(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Every chain: decisions, feedback and audit reads. */
    public List<ChainReport> verifyAll() {
        return ChainedTable.ALL.stream().map(this::verify).toList();
    }

    ChainReport verify(ChainedTable<?> table) {
        String columns = table.columnList();
        Walk walk = new Walk(table);
        jdbc.query("SELECT " + columns + ", chain_seq, prev_hash, record_hash FROM " + table.table()
                + " WHERE chain_seq IS NOT NULL ORDER BY chain_seq", (ResultSet rs) -> {
                    if (walk.broken == null) {
                        walk.next(rs.getLong("chain_seq"), rs.getString("prev_hash"), rs.getString("record_hash"),
                                table.content(rs));
                    }
                });
        if (walk.broken != null) {
            return walk.broken;
        }
        Map<String, Object> head = jdbc.queryForMap("SELECT record_count, head_hash FROM chain_head WHERE chain = ?",
                table.chain());
        long expected = ((Number) (head.containsKey("record_count") ? head.get("record_count")
                : head.get("RECORD_COUNT"))).longValue();
        if (expected != walk.position) {
            return new ChainReport(table.chain(), false, walk.position, walk.position + 1, null, "truncated",
                    "the chain head records " + expected + " records but only " + walk.position
                            + " remain: the records after position " + walk.position + " were deleted");
        }
        return ChainReport.intact(table.chain(), walk.position);
    }

    private static final class Walk {
        private final ChainedTable<?> table;
        private long position;
        private String prevHash = ChainedTable.GENESIS;
        private ChainReport broken;

        Walk(ChainedTable<?> table) {
            this.table = table;
        }

        void next(long seq, String storedPrev, String storedHash, Map<String, Object> content) {
            String id = Objects.toString(content.get("id"), null);
            boolean selfConsistent = Objects.equals(ChainedTable.hash(storedPrev, content), storedHash);
            if (!selfConsistent) {
                broken = broken(seq, id, "modified", "record " + id + " at position " + seq
                        + " no longer matches its hash: its content was changed");
            } else if (seq != position + 1) {
                broken = broken(position + 1, id, "deleted", "position " + (position + 1) + " is missing: the record"
                        + " there was deleted (the next record, " + id + ", is at position " + seq + ")");
            } else if (!storedPrev.equals(prevHash)) {
                broken = broken(seq, id, "reordered", "record " + id + " at position " + seq + " is intact but does"
                        + " not follow its predecessor: records were reordered, or its predecessor deleted or replaced");
            } else {
                position = seq;
                prevHash = storedHash;
            }
        }

        private ChainReport broken(long at, String id, String problem, String detail) {
            return new ChainReport(table.chain(), false, position, at, id, problem, detail);
        }
    }
}
