package io.samokoder.migrations.jpa;

import io.samokoder.migrations.ops.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hibernate.boot.Metadata;
import org.hibernate.engine.jdbc.Size;
import org.hibernate.mapping.BasicValue;
import org.hibernate.mapping.Column;
import org.hibernate.type.BasicType;
import org.hibernate.type.SqlTypes;
import org.hibernate.type.descriptor.sql.spi.DdlTypeRegistry;

/**
 * The portable {@link Type} of a column Hibernate mapped: from its JDBC type code, its length, precision
 * and scale, checked against the SQL type Hibernate would write for it. A type with no portable kind, a
 * {@code columnDefinition} (but {@code text}, the portable {@link Type#TEXT}), or a code Hibernate writes
 * unusually for the dialect (e.g. PostgreSQL's {@code oid} for a LOB) becomes {@link Type#sql(String)} of
 * Hibernate's SQL type.
 */
final class TypeMapping {

    /** A quoted value of an enum type's SQL, e.g. {@code 'ACTIVE'}. */
    private static final Pattern QUOTED = Pattern.compile("'((?:[^']|'')*)'");
    /** The binary digits of a single-precision float; {@code float(p)} above it is double precision. */
    private static final int SINGLE_PRECISION_BITS = 24;

    private final Metadata metadata;
    private final org.hibernate.dialect.Dialect dialect;
    private final boolean mariaDbOrMySql;
    private final boolean h2;

    TypeMapping(Metadata metadata, io.samokoder.migrations.dialect.Dialect database) {
        this.metadata = metadata;
        this.dialect = metadata.getDatabase().getDialect();
        this.mariaDbOrMySql = !HibernateDialects.foldsUnquotedNames(database);
        this.h2 = database.name().equals("h2");
    }

    /** The column's type. */
    Type typeOf(Column column) {
        int code = column.getSqlTypeCode(metadata);
        // A columnDefinition's clauses after the type (DEFAULT, NOT NULL, ...) are not part of the type.
        String explicit = column.getSqlType() == null ? null : ColumnDefinition.parse(column.getSqlType()).type();
        if (explicit != null && explicit.strip().equalsIgnoreCase("text")) {
            // Every database here reads text as its portable TEXT (H2: an unbounded CHARACTER VARYING).
            return Type.TEXT;
        }
        if (explicit != null && !explicit.equalsIgnoreCase(derived(column, code))) {
            return Type.sql(explicit);
        }
        String sql = column.getSqlType(metadata);
        String base = baseName(sql);
        return switch (code) {
            case SqlTypes.VARCHAR, SqlTypes.NVARCHAR -> varchar(column, sql, base);
            case SqlTypes.LONGVARCHAR, SqlTypes.LONG32VARCHAR, SqlTypes.LONGNVARCHAR, SqlTypes.LONG32NVARCHAR,
                    SqlTypes.CLOB, SqlTypes.NCLOB, SqlTypes.MATERIALIZED_CLOB, SqlTypes.MATERIALIZED_NCLOB ->
                    text(sql, base);
            case SqlTypes.UUID -> base.equals("uuid") && !mariaDbOrMySql ? Type.UUID : Type.sql(sql);
            case SqlTypes.TINYINT, SqlTypes.SMALLINT -> base.equals("tinyint") ? Type.sql(sql) : Type.SMALLINT;
            case SqlTypes.INTEGER -> Type.INTEGER;
            case SqlTypes.BIGINT -> Type.BIGINT;
            case SqlTypes.BOOLEAN, SqlTypes.BIT -> Type.BOOLEAN;
            case SqlTypes.NUMERIC, SqlTypes.DECIMAL -> numeric(column, sql);
            case SqlTypes.REAL, SqlTypes.FLOAT, SqlTypes.DOUBLE -> floating(column, sql, base);
            case SqlTypes.DATE -> Type.DATE;
            case SqlTypes.TIME -> Type.TIME;
            case SqlTypes.TIMESTAMP, SqlTypes.TIMESTAMP_WITH_TIMEZONE, SqlTypes.TIMESTAMP_UTC -> timestamp(code, base);
            case SqlTypes.JSON -> base.equals("jsonb") ? Type.JSONB : Type.JSON;
            case SqlTypes.VARBINARY, SqlTypes.LONGVARBINARY, SqlTypes.LONG32VARBINARY, SqlTypes.BLOB,
                    SqlTypes.MATERIALIZED_BLOB -> bytes(sql, base);
            case SqlTypes.ENUM -> enumType(column.getName(), sql);
            case SqlTypes.NAMED_ENUM -> namedEnum(column, sql);
            default -> Type.sql(sql);
        };
    }

    private Type varchar(Column column, String sql, String base) {
        return switch (base) {
            case "varchar", "nvarchar", "character varying", "varchar2", "nvarchar2" -> {
                Long length = size(column).getLength();
                yield length == null || length < 1 || length > Integer.MAX_VALUE ? Type.string()
                        : Type.string(length.intValue());
            }
            case "text" -> Type.TEXT;
            default -> Type.sql(sql);
        };
    }

    /**
     * Single or double precision as Hibernate writes it: Java's {@code double} is JDBC {@code FLOAT} of
     * precision 53, written {@code float(53)}, which databases keep as double precision.
     */
    private Type floating(Column column, String sql, String base) {
        return switch (base) {
            case "real", "float4" -> Type.FLOAT;
            case "double", "double precision", "float8" -> Type.DOUBLE;
            case "float" -> {
                Integer precision = size(column).getPrecision();
                yield precision != null && precision > SINGLE_PRECISION_BITS ? Type.DOUBLE : Type.FLOAT;
            }
            default -> Type.sql(sql);
        };
    }

    private Type numeric(Column column, String sql) {
        Size size = size(column);
        Integer precision = size.getPrecision();
        if (precision == null || precision < 1) {
            return Type.sql(sql);
        }
        int scale = size.getScale() == null ? 0 : size.getScale();
        return Type.numeric(precision, scale);
    }

    /**
     * Text as Hibernate writes it: PostgreSQL's {@code text} as {@link Type#TEXT}; a LOB as its own type
     * (PostgreSQL's {@code oid}, MariaDB's {@code longtext}, H2's {@code clob}, which H2 names
     * {@code character large object}).
     */
    private Type text(String sql, String base) {
        if (base.equals("text")) {
            return Type.TEXT;
        }
        return h2 && base.equals("clob") ? Type.sql("character large object") : Type.sql(sql);
    }

    /**
     * A date and time as Hibernate writes it: MariaDB and MySQL keep an instant in a {@code datetime} (their
     * {@code timestamp} is the one with a time zone), the others say {@code with time zone}.
     */
    private Type timestamp(int code, String base) {
        return switch (base) {
            case "datetime", "timestamp without time zone" -> Type.TIMESTAMP;
            case "timestamp with time zone" -> Type.TIMESTAMPTZ;
            case "timestamp" -> mariaDbOrMySql ? Type.TIMESTAMPTZ : Type.TIMESTAMP;
            default -> code == SqlTypes.TIMESTAMP ? Type.TIMESTAMP : Type.TIMESTAMPTZ;
        };
    }

    /**
     * Bytes: PostgreSQL's {@code bytea} and H2's {@code varbinary} as {@link Type#BYTES}; MariaDB and MySQL's
     * {@code varbinary(n)} and blobs as Hibernate writes them, {@code BYTES} being their {@code longblob}.
     */
    private Type bytes(String sql, String base) {
        if (base.equals("oid") || mariaDbOrMySql && !base.equals("longblob")) {
            return Type.sql(sql);
        }
        return Type.BYTES;
    }

    /** An inline enum (MariaDB, MySQL, H2) of the values in Hibernate's order, named after the column. */
    private static Type enumType(String name, String sql) {
        List<String> values = new ArrayList<>();
        Matcher value = QUOTED.matcher(sql);
        while (value.find()) {
            values.add(value.group(1).replace("''", "'"));
        }
        return values.isEmpty() ? Type.sql(sql) : Type.enumOf(name, values.toArray(String[]::new));
    }

    /** A named enum type (PostgreSQL) of the Java enum's constant names, when Hibernate maps it to one. */
    private Type namedEnum(Column column, String sql) {
        // Hibernate's DDL writes the type's name bare (create type Mood ...), which the database folds to
        // lower case (PostgreSQL's mood); a quoted name keeps its case.
        String name = sql.length() > 1 && sql.startsWith("\"") && sql.endsWith("\"")
                ? sql.substring(1, sql.length() - 1).replace("\"\"", "\"") : sql.toLowerCase(java.util.Locale.ROOT);
        if (column.getValue() instanceof BasicValue value && value.getResolution() != null) {
            Class<?> javaType = value.getResolution().getDomainJavaType().getJavaTypeClass();
            if (javaType.isEnum()) {
                String[] values = Arrays.stream(javaType.getEnumConstants()).map(c -> ((Enum<?>) c).name())
                        .toArray(String[]::new);
                return Type.enumOf(name, values);
            }
        }
        return Type.sql(sql);
    }

    /**
     * The SQL type Hibernate derives for the column, to tell a {@code columnDefinition} from the type
     * Hibernate keeps on the column once it has derived it; null when it cannot be derived.
     */
    private String derived(Column column, int code) {
        DdlTypeRegistry registry = metadata.getDatabase().getTypeConfiguration().getDdlTypeRegistry();
        try {
            org.hibernate.type.Type type = column.getValue() == null ? null : column.getValue().getType();
            return registry.getTypeName(code, size(column), type instanceof BasicType<?> ? type : null);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private Size size(Column column) {
        return column.getColumnSize(dialect, metadata);
    }

    /** The type's name without its size or other arguments, in lower case, e.g. {@code varchar}. */
    static String baseName(String sql) {
        String lower = sql.toLowerCase(Locale.ROOT).strip();
        int paren = lower.indexOf('(');
        int close = paren < 0 ? -1 : lower.indexOf(')', paren);
        String base = paren < 0 ? lower : lower.substring(0, paren) + (close < 0 ? "" : lower.substring(close + 1));
        return base.strip().replaceAll("\\s+", " ");
    }
}
