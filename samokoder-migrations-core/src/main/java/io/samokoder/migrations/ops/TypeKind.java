package io.samokoder.migrations.ops;

/** The portable column types of {@link Type}; each dialect maps them to its own SQL type. */
public enum TypeKind {
    /** A UUID. */
    UUID,
    /** A character string of a bounded (or, where the database allows it, unbounded) length. */
    STRING,
    /** Unbounded text. */
    TEXT,
    /** A 16-bit integer. */
    SMALLINT,
    /** A 32-bit integer. */
    INTEGER,
    /** A 64-bit integer. */
    BIGINT,
    /** A boolean. */
    BOOLEAN,
    /** An exact decimal number of a precision and scale. */
    NUMERIC,
    /** A single-precision floating-point number. */
    FLOAT,
    /** A double-precision floating-point number. */
    DOUBLE,
    /** A calendar date. */
    DATE,
    /** A time of day. */
    TIME,
    /** A date and time without a time zone. */
    TIMESTAMP,
    /** An instant: a date and time with a time zone. */
    TIMESTAMPTZ,
    /** A JSON document. */
    JSON,
    /** A binary JSON document (PostgreSQL's {@code jsonb}). */
    JSONB,
    /** A byte string. */
    BYTES,
    /** One of a fixed list of string values. */
    ENUM,
    /** A database's own type, given as SQL text ({@link Type#sql(String)}) and written as it is. */
    SQL
}
