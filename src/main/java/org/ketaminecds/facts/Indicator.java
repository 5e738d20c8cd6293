package org.ketaminecds.facts;

/** Card urgency, the CDS Hooks {@code indicator} values, from least to most urgent. */
public enum Indicator {
    INFO, WARNING, CRITICAL;

    /** The value on the wire: {@code info}, {@code warning} or {@code critical}. */
    public String wire() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The more urgent of the two. */
    public Indicator max(Indicator other) {
        return other != null && other.ordinal() > ordinal() ? other : this;
    }
}
