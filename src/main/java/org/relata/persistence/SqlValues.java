package org.relata.persistence;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Reads values of native query rows, whose Java types depend on the driver and Hibernate version. */
public final class SqlValues {

    private SqlValues() {
    }

    /** A {@code timestamptz} column as an OffsetDateTime in UTC; null stays null. */
    public static OffsetDateTime timestamp(Object value) {
        if (value == null || value instanceof OffsetDateTime) {
            return (OffsetDateTime) value;
        }
        if (value instanceof Instant instant) {
            return instant.atOffset(ZoneOffset.UTC);
        }
        if (value instanceof Timestamp timestamp) {
            return timestamp.toInstant().atOffset(ZoneOffset.UTC);
        }
        return OffsetDateTime.parse(value.toString());
    }
}
