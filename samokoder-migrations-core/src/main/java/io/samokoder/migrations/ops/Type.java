package io.samokoder.migrations.ops;

import java.util.List;

/**
 * A portable column type, mapped to SQL by each dialect's renderer. Immutable; build with the
 * constants and factories, e.g. {@code Type.string(255)}, {@code Type.numeric(10, 2)},
 * {@code Type.enumOf("status", "active", "closed")}.
 *
 * @param kind      the kind of type
 * @param length    the length of a {@link TypeKind#STRING}, or 0 when none was given
 * @param precision the precision of a {@link TypeKind#NUMERIC}, or 0 when none was given
 * @param scale     the scale of a {@link TypeKind#NUMERIC}
 * @param enumName  the name of an {@link TypeKind#ENUM} type (PostgreSQL creates a type of that name), else empty
 * @param values    the values of an {@link TypeKind#ENUM}, else empty
 * @param sql       the SQL text of a {@link TypeKind#SQL} type, e.g. {@code inet}, else empty
 * @param createType for an {@link TypeKind#ENUM}: whether {@code createTable} creates the type on PostgreSQL
 *                   (false for a type that exists already, see {@link #existing()}); true for every other kind
 */
public record Type(TypeKind kind, int length, int precision, int scale, String enumName, List<String> values,
        String sql, boolean createType) {

    /** A UUID. */
    public static final Type UUID = simple(TypeKind.UUID);
    /** Unbounded text. */
    public static final Type TEXT = simple(TypeKind.TEXT);
    /** A 16-bit integer. */
    public static final Type SMALLINT = simple(TypeKind.SMALLINT);
    /** A 32-bit integer. */
    public static final Type INTEGER = simple(TypeKind.INTEGER);
    /** A 64-bit integer. */
    public static final Type BIGINT = simple(TypeKind.BIGINT);
    /** A boolean. */
    public static final Type BOOLEAN = simple(TypeKind.BOOLEAN);
    /** A single-precision floating-point number. */
    public static final Type FLOAT = simple(TypeKind.FLOAT);
    /** A double-precision floating-point number. */
    public static final Type DOUBLE = simple(TypeKind.DOUBLE);
    /** A calendar date. */
    public static final Type DATE = simple(TypeKind.DATE);
    /** A time of day. */
    public static final Type TIME = simple(TypeKind.TIME);
    /** A date and time without a time zone. */
    public static final Type TIMESTAMP = simple(TypeKind.TIMESTAMP);
    /** A date and time with a time zone. */
    public static final Type TIMESTAMPTZ = simple(TypeKind.TIMESTAMPTZ);
    /** A JSON document. */
    public static final Type JSON = simple(TypeKind.JSON);
    /** A binary JSON document; PostgreSQL only. */
    public static final Type JSONB = simple(TypeKind.JSONB);
    /** A byte string. */
    public static final Type BYTES = simple(TypeKind.BYTES);

    /** Checks the arguments; prefer the constants and factories. */
    public Type {
        if (kind == null) {
            throw new IllegalArgumentException("A type needs a kind");
        }
        enumName = enumName == null ? "" : enumName;
        values = values == null ? List.of() : List.copyOf(values);
        sql = sql == null ? "" : sql.strip();
        if (kind == TypeKind.SQL && sql.isEmpty()) {
            throw new IllegalArgumentException("A SQL type needs its SQL text, e.g. Type.sql(\"inet\")");
        }
        if (kind != TypeKind.SQL && !sql.isEmpty()) {
            throw new IllegalArgumentException("Only a SQL type has SQL text; " + kind + " had '" + sql + "'");
        }
        if (length < 0) {
            throw new IllegalArgumentException("String length must be positive, was " + length);
        }
        if (kind == TypeKind.NUMERIC && (precision < 1 || scale < 0 || scale > precision)) {
            throw new IllegalArgumentException("numeric(" + precision + ", " + scale
                    + ") is invalid: precision must be at least 1 and scale between 0 and the precision");
        }
        if (kind == TypeKind.ENUM) {
            if (enumName.isBlank() || values.isEmpty()) {
                throw new IllegalArgumentException("An enum type needs a name and at least one value, e.g."
                        + " Type.enumOf(\"status\", \"active\", \"closed\")");
            }
            if (values.stream().distinct().count() != values.size()) {
                throw new IllegalArgumentException("Enum type " + enumName + " repeats a value: " + values);
            }
        } else if (!createType) {
            throw new IllegalArgumentException("Only an enum type can exist already (createType false); " + kind
                    + " is created with its column");
        }
    }

    /** A type that {@code createTable} creates where it needs to. */
    public Type(TypeKind kind, int length, int precision, int scale, String enumName, List<String> values,
            String sql) {
        this(kind, length, precision, scale, enumName, values, sql, true);
    }

    /** A type without SQL text: every kind but {@link TypeKind#SQL}. */
    public Type(TypeKind kind, int length, int precision, int scale, String enumName, List<String> values) {
        this(kind, length, precision, scale, enumName, values, "", true);
    }

    private static Type simple(TypeKind kind) {
        return new Type(kind, 0, 0, 0, "", List.of());
    }

    /** A character string of at most {@code length} characters. */
    public static Type string(int length) {
        if (length < 1) {
            throw new IllegalArgumentException("Type.string(" + length + "): the length must be at least 1");
        }
        return new Type(TypeKind.STRING, length, 0, 0, "", List.of());
    }

    /** A character string without a length; MariaDB/MySQL need one ({@link #string(int)}). */
    public static Type string() {
        return simple(TypeKind.STRING);
    }

    /** An exact decimal number of {@code precision} digits, {@code scale} of them after the point. */
    public static Type numeric(int precision, int scale) {
        return new Type(TypeKind.NUMERIC, 0, precision, scale, "", List.of());
    }

    /** An enum type named {@code name} (PostgreSQL creates it with {@code CREATE TYPE}) of these values. */
    public static Type enumOf(String name, String... values) {
        return new Type(TypeKind.ENUM, 0, 0, 0, name, List.of(values));
    }

    /**
     * This enum type as one that exists already, created by an earlier revision: {@code createTable} on
     * PostgreSQL then does not create it (SQLAlchemy's {@code create_type=False}). Within one revision this is
     * not needed: a type that {@code createEnumType} or an earlier {@code createTable} of the revision created
     * is created once.
     *
     * @throws IllegalArgumentException for a type that is not an enum
     */
    public Type existing() {
        // The constructor refuses it for a type that is not an enum.
        return new Type(this.kind, this.length, this.precision, this.scale, this.enumName, this.values, this.sql,
                false);
    }

    /**
     * A database's own type, given as SQL text and written as it is, e.g. {@code Type.sql("inet")} on
     * PostgreSQL. Not portable: each database must understand the text. Autogenerate reads a column of a type
     * with no portable kind as one.
     */
    public static Type sql(String sqlType) {
        if (sqlType == null || sqlType.isBlank()) {
            throw new IllegalArgumentException("Type.sql needs the SQL text of a type, e.g. Type.sql(\"inet\")");
        }
        return new Type(TypeKind.SQL, 0, 0, 0, "", List.of(), sqlType);
    }

    /**
     * Deterministic and complete, as {@link Operation} checksums need. The SQL text appears only for a
     * {@link TypeKind#SQL} type and {@code createType} only when false, so other types read as they did
     * before these existed (checksums of Java revisions stay the same).
     */
    @Override
    public String toString() {
        return "Type[kind=" + kind + ", length=" + length + ", precision=" + precision + ", scale=" + scale
                + ", enumName=" + enumName + ", values=" + values + (sql.isEmpty() ? "" : ", sql=" + sql)
                + (createType ? "" : ", createType=false") + "]";
    }
}
