package org.ketaminecds.audit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The stored width of a text column of an audit record: longer values are cut to it before they are hashed and
 * inserted, so the stored row always matches its hash. Text components without it are unbounded ({@code TEXT}).
 * {@code AuditSchemaTest} checks the migrations declare the same widths.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
@interface Stored {
    /** The column's maximum length in characters. */
    int max();
}
