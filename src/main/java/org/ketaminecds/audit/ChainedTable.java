package org.ketaminecds.audit;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.ketaminecds.common.CanonicalJson;
import org.springframework.jdbc.core.RowMapper;

/**
 * An append-only audit table that is a hash chain, defined once by its record type: each record component is a
 * content column ({@code recordedAt} is {@code recorded_at}), in declaration order, and the record's hash covers
 * exactly those columns in canonical JSON. Inserting, hashing, reading back and verifying all derive from this one
 * definition; the migrations create the same columns ({@code AuditSchemaTest} compares them with the database).
 *
 * @param table the SQL table
 * @param chain the chain's row in {@code chain_head}
 * @param type the record type whose components are the content columns, the first being the record id
 * @param columns the content columns, derived from {@code type}
 */
record ChainedTable<R extends Record>(String table, String chain, Class<R> type, List<Column> columns) {
    static final String GENESIS = "0".repeat(64);

    static final ChainedTable<DecisionRecord> DECISIONS = of("decision_record", "decision", DecisionRecord.class);
    static final ChainedTable<FeedbackRecord> FEEDBACK = of("card_feedback", "feedback", FeedbackRecord.class);
    static final ChainedTable<AccessRecord> ACCESS = of("audit_access", "access", AccessRecord.class);
    static final List<ChainedTable<?>> ALL = List.of(DECISIONS, FEEDBACK, ACCESS);

    static <R extends Record> ChainedTable<R> of(String table, String chain, Class<R> type) {
        List<Column> columns = Arrays.stream(type.getRecordComponents()).map(Column::of).toList();
        return new ChainedTable<>(table, chain, type, columns);
    }

    /** The content columns as a SQL select list. */
    String columnList() {
        return String.join(", ", columns.stream().map(Column::name).toList());
    }

    /** The content of a record, as stored and hashed: texts cut to their width, times to the microsecond. */
    Map<String, Object> content(R record) {
        Map<String, Object> content = new LinkedHashMap<>();
        RecordComponent[] components = type.getRecordComponents();
        for (int i = 0; i < components.length; i++) {
            Column column = columns.get(i);
            content.put(column.name(), column.stored(value(components[i], record)));
        }
        return content;
    }

    /** The content of one stored row, as hashed. */
    Map<String, Object> content(ResultSet rs) throws SQLException {
        Map<String, Object> content = new LinkedHashMap<>();
        for (Column column : columns) {
            content.put(column.name(), column.read(rs));
        }
        return content;
    }

    /** Reads rows selected with {@link #columnList()} back into records. */
    RowMapper<R> rows() {
        return (rs, n) -> {
            RecordComponent[] components = type.getRecordComponents();
            Object[] values = new Object[components.length];
            for (int i = 0; i < components.length; i++) {
                values[i] = columns.get(i).as(columns.get(i).read(rs), components[i].getType());
            }
            return construct(values);
        };
    }

    private R construct(Object[] values) {
        try {
            Class<?>[] types = Arrays.stream(type.getRecordComponents()).map(RecordComponent::getType)
                    .toArray(Class<?>[]::new);
            Constructor<R> constructor = type.getDeclaredConstructor(types);
            return constructor.newInstance(values);
        } catch (NoSuchMethodException | InstantiationException | IllegalAccessException e) {
            throw new IllegalStateException(type + " cannot be read back", e);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException(type + " rejected a stored row", e.getCause());
        }
    }

    private static Object value(RecordComponent component, Record record) {
        try {
            return component.getAccessor().invoke(record);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code record_hash = SHA-256(prev_hash || canonical JSON of the content)}; null values are left out. */
    static String hash(String prevHash, Map<String, Object> content) {
        Map<String, Object> hashed = new LinkedHashMap<>();
        content.forEach((name, value) -> {
            if (value != null) {
                hashed.put(name, value instanceof Instant instant ? instant.toString() : value);
            }
        });
        return CanonicalJson.sha256(prevHash + CanonicalJson.ofValue(hashed));
    }

    /** The JDBC parameter of a time column (both drivers take an OffsetDateTime). */
    static OffsetDateTime timestamp(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    /** Times are stored and hashed to the microsecond, the precision both databases keep. */
    static Instant stored(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS);
    }

    /** Cuts a text to {@code max} characters. */
    static String cut(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }

    /**
     * A hashed column.
     *
     * @param name the SQL column name
     * @param kind how it is stored and hashed
     * @param max the width of a text column, 0 for unbounded
     */
    record Column(String name, Kind kind, int max) {
        enum Kind { TEXT, NUMBER, BOOL, TIME }

        static Column of(RecordComponent component) {
            Class<?> type = component.getType();
            Kind kind = type == String.class ? Kind.TEXT : type == Instant.class ? Kind.TIME
                    : type == boolean.class || type == Boolean.class ? Kind.BOOL
                    : type == int.class || type == long.class || type == Integer.class || type == Long.class
                            ? Kind.NUMBER : null;
            if (kind == null) {
                throw new IllegalStateException("audit column " + component + " has no stored kind");
            }
            Stored stored = component.getAnnotation(Stored.class);
            return new Column(snakeCase(component.getName()), kind, stored == null ? 0 : stored.max());
        }

        private static String snakeCase(String name) {
            return name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
        }

        /** A record's value as stored and hashed (numbers as longs, so a stored row hashes the same). */
        Object stored(Object value) {
            return switch (kind) {
                case TEXT -> max > 0 ? cut((String) value, max) : value;
                case NUMBER -> value == null ? null : ((Number) value).longValue();
                case TIME -> value == null ? null : ChainedTable.stored((Instant) value);
                case BOOL -> value;
            };
        }

        Object read(ResultSet rs) throws SQLException {
            return switch (kind) {
                case TEXT -> rs.getString(name);
                case NUMBER -> {
                    long value = rs.getLong(name);
                    yield rs.wasNull() ? null : value;
                }
                case BOOL -> {
                    boolean value = rs.getBoolean(name);
                    yield rs.wasNull() ? null : value;
                }
                case TIME -> {
                    OffsetDateTime value = rs.getObject(name, OffsetDateTime.class);
                    yield value == null ? null : value.toInstant();
                }
            };
        }

        /** A read value as the record component's type. */
        Object as(Object value, Class<?> type) {
            if (value instanceof Long number && (type == int.class || type == Integer.class)) {
                return number.intValue();
            }
            if (value == null && type == int.class) {
                return 0;
            }
            if (value == null && type == long.class) {
                return 0L;
            }
            if (value == null && type == boolean.class) {
                return false;
            }
            return value;
        }

        /** The JDBC parameter for a content value. */
        Object parameter(Object value) {
            return value instanceof Instant instant ? timestamp(instant) : value;
        }
    }
}
