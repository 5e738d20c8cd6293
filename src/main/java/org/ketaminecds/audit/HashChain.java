package org.ketaminecds.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Appends records to a hash chain. Each append is one transaction that first locks the chain's head row
 * ({@code SELECT ... FOR UPDATE}), so concurrent writers, in this JVM or in other service instances sharing the
 * database, extend the chain one at a time and never fork it.
 *
 * <p>On H2 (the embedded, single-process store) every append of every chain also takes one lock in this JVM, held
 * until the commit has returned. Without it, a process killed under load once came back with a record and without
 * its predecessor (a gap in the chain, once in about fifteen kill -9 runs): our reading is that H2 lets the next
 * writer through the head-row lock when the previous transaction is marked committed, before its commit has
 * finished writing. One writer at a time closes that window whatever its exact cause (no gap in the runs since);
 * H2's appends were serialised by the head row already, so little throughput is lost.
 */
final class HashChain {
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final ReentrantLock embeddedWriter = new ReentrantLock();
    private volatile Boolean embedded;

    HashChain(JdbcTemplate jdbc, PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    JdbcTemplate jdbc() {
        return jdbc;
    }

    /**
     * Appends one record.
     *
     * @param record the record; its components are the hashed columns
     * @param guard checked under the chain lock; when false nothing is written (used for idempotent feedback)
     * @param alongside further inserts to commit in the same transaction (derived index rows)
     * @return whether the record was appended
     */
    <R extends Record> boolean append(ChainedTable<R> table, R record, Predicate<JdbcTemplate> guard,
            Consumer<JdbcTemplate> alongside) {
        Map<String, Object> content = table.content(record);
        if (!embedded()) {
            return write(table, content, guard, alongside);
        }
        embeddedWriter.lock();
        try {
            return write(table, content, guard, alongside);
        } finally {
            embeddedWriter.unlock();
        }
    }

    private boolean embedded() {
        Boolean known = embedded;
        if (known == null) {
            known = "H2".equals(jdbc.execute((ConnectionCallback<String>) c -> c.getMetaData().getDatabaseProductName()));
            embedded = known;
        }
        return known;
    }

    private <R extends Record> boolean write(ChainedTable<R> table, Map<String, Object> content,
            Predicate<JdbcTemplate> guard, Consumer<JdbcTemplate> alongside) {
        Boolean appended = transactions.execute(status -> {
            Map<String, Object> head = jdbc.queryForList("SELECT record_count, head_hash FROM chain_head "
                    + "WHERE chain = ? FOR UPDATE", table.chain()).stream().findFirst()
                    .orElseThrow(() -> new IllegalStateException("no chain head for " + table.chain()));
            if (!guard.test(jdbc)) {
                return false;
            }
            long position = ((Number) value(head, "record_count")).longValue() + 1;
            String prevHash = (String) value(head, "head_hash");
            String hash = ChainedTable.hash(prevHash, content);
            List<Object> parameters = new ArrayList<>();
            for (ChainedTable.Column column : table.columns()) {
                parameters.add(column.parameter(content.get(column.name())));
            }
            parameters.add(position);
            parameters.add(prevHash);
            parameters.add(hash);
            jdbc.update("INSERT INTO " + table.table() + " (" + table.columnList() + ", chain_seq, prev_hash, record_hash) VALUES ("
                    + "?, ".repeat(table.columns().size() + 2) + "?)", parameters.toArray());
            alongside.accept(jdbc);
            jdbc.update("UPDATE chain_head SET record_count = ?, head_hash = ? WHERE chain = ?", position, hash,
                    table.chain());
            return true;
        });
        return Boolean.TRUE.equals(appended);
    }

    /** H2 answers column labels in upper case, PostgreSQL in lower case. */
    private static Object value(Map<String, Object> row, String column) {
        Object value = row.get(column);
        return value != null ? value : row.get(column.toUpperCase(java.util.Locale.ROOT));
    }
}
