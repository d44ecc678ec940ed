package io.samokoder.migrations.ops;

/** The kinds of {@link SqlValue}, each rendered as a literal by the dialect. */
public enum ValueKind {
    /** SQL null. */
    NULL,
    /** A character string. */
    STRING,
    /** A boolean. */
    BOOLEAN,
    /** A number, in plain decimal notation. */
    NUMBER,
    /** A UUID. */
    UUID,
    /** A date, ISO-8601. */
    DATE,
    /** A time of day, ISO-8601. */
    TIME,
    /** A date and time without offset, ISO-8601 with a space. */
    TIMESTAMP,
    /** A date and time with an offset, ISO-8601 with a space. */
    TIMESTAMPTZ,
    /** Bytes, as lower-case hex digits. */
    BYTES
}
