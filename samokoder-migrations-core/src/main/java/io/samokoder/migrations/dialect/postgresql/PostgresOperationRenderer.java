package io.samokoder.migrations.dialect.postgresql;

import io.samokoder.migrations.ops.AlterActions;
import io.samokoder.migrations.ops.Constraint;
import io.samokoder.migrations.ops.Index;
import io.samokoder.migrations.ops.Operation;
import io.samokoder.migrations.ops.SqlOperationRenderer;
import io.samokoder.migrations.ops.Type;
import java.util.List;
import java.util.Set;

/**
 * Operations as PostgreSQL SQL: identifiers bare when lower case and not reserved, else in double
 * quotes (at most 63 characters); enum types created with {@code CREATE TYPE} before the table; comments
 * as {@code COMMENT ON}; partial, expression and concurrent indexes; {@code NOT VALID} foreign keys. A string
 * with a backslash is written as {@code E'...'}, which reads the same whatever {@code standard_conforming_strings}
 * says.
 */
public final class PostgresOperationRenderer extends SqlOperationRenderer {

    /** The renderer; stateless. */
    public static final PostgresOperationRenderer INSTANCE = new PostgresOperationRenderer();

    private static final Set<String> RESERVED = Set.of("all", "analyse", "analyze", "and", "any", "array", "as", "asc",
            "asymmetric", "authorization", "between", "bigint", "binary", "bit", "boolean", "both", "case", "cast",
            "char", "character", "check", "coalesce", "collate", "collation", "column", "concurrently", "constraint",
            "create", "cross", "current_catalog", "current_date", "current_role", "current_schema", "current_time",
            "current_timestamp", "current_user", "dec", "decimal", "default", "deferrable", "desc", "distinct", "do",
            "else", "end", "except", "exists", "extract", "false", "fetch", "float", "for", "foreign", "freeze", "from",
            "full", "grant", "greatest", "group", "grouping", "having", "ilike", "in", "initially", "inner", "inout",
            "int", "integer", "intersect", "interval", "into", "is", "isnull", "join", "lateral", "leading", "least",
            "left", "like", "limit", "localtime", "localtimestamp", "national", "natural", "nchar", "none", "normalize",
            "not", "notnull", "null", "nullif", "numeric", "offset", "on", "only", "or", "order", "out", "outer",
            "overlaps", "overlay", "placing", "position", "precision", "primary", "real", "references", "returning",
            "right", "row", "select", "session_user", "setof", "similar", "smallint", "some", "substring", "symmetric",
            "system_user", "table", "tablesample", "then", "time", "timestamp", "to", "trailing", "treat", "trim",
            "true", "union", "unique", "user", "using", "values", "varchar", "variadic", "verbose", "when", "where",
            "window", "with");

    /** Prefer {@link #INSTANCE}. */
    public PostgresOperationRenderer() {
    }

    /**
     * Plain where the text has no backslash; else {@code E'...'} with backslashes doubled, since a session with
     * {@code standard_conforming_strings} off reads a plain literal's backslashes as escapes.
     */
    @Override
    protected String stringLiteral(String text) {
        if (text.indexOf('\\') < 0) {
            return super.stringLiteral(text);
        }
        return "E'" + text.replace("\\", "\\\\").replace("'", "''") + "'";
    }

    @Override
    protected String databaseName() {
        return "PostgreSQL";
    }

    @Override
    protected int maxIdentifierLength() {
        return 63;
    }

    @Override
    protected Set<String> reservedWords() {
        return RESERVED;
    }

    @Override
    protected char quoteCharacter() {
        return '"';
    }

    @Override
    protected String sqlType(Type type, String table, String column) {
        return switch (type.kind()) {
            case UUID -> "UUID";
            case STRING -> type.length() == 0 ? "VARCHAR" : "VARCHAR(" + type.length() + ")";
            case TEXT -> "TEXT";
            case SMALLINT -> "SMALLINT";
            case INTEGER -> "INTEGER";
            case BIGINT -> "BIGINT";
            case BOOLEAN -> "BOOLEAN";
            case NUMERIC -> "NUMERIC(" + type.precision() + ", " + type.scale() + ")";
            case FLOAT -> "REAL";
            case DOUBLE -> "DOUBLE PRECISION";
            case DATE -> "DATE";
            case TIME -> "TIME WITHOUT TIME ZONE";
            case TIMESTAMP -> "TIMESTAMP WITHOUT TIME ZONE";
            case TIMESTAMPTZ -> "TIMESTAMP WITH TIME ZONE";
            case JSON -> "JSON";
            case JSONB -> "JSONB";
            case BYTES -> "BYTEA";
            case ENUM -> identifier(type.enumName());
            case SQL -> type.sql();
        };
    }

    @Override
    protected String uuidLiteral(String uuid) {
        return "'" + uuid + "'::uuid";
    }

    /** {@code E'\\x...'::bytea}: the hex format's backslash, written to read the same in any session. */
    @Override
    protected String bytesLiteral(String hex) {
        return stringLiteral("\\x" + hex) + "::bytea";
    }

    @Override
    protected AlterActions alterColumn(Operation.AlterColumn change) {
        return standardAlterColumn(change);
    }

    @Override
    protected String using(Operation.AlterColumn a) {
        return a.using() == null ? "" : " USING " + a.using();
    }

    @Override
    protected String notValid(String table, Constraint constraint) {
        return " NOT VALID";
    }

    @Override
    protected List<String> validateConstraint(Operation.ValidateConstraint v) {
        return List.of("ALTER TABLE " + identifier(v.table()) + " VALIDATE CONSTRAINT " + constraintName(v.name()));
    }

    @Override
    protected void checkIndex(Index index) {
        // PostgreSQL has partial, expression and concurrent indexes.
    }

    @Override
    protected List<String> dropIndex(Operation.DropIndex d) {
        return List.of("DROP INDEX " + (d.concurrently() ? "CONCURRENTLY " : "") + constraintName(d.name()));
    }

    @Override
    protected List<String> createEnumType(Type enumType) {
        return List.of("CREATE TYPE " + identifier(enumType.enumName()) + " AS ENUM (" + enumValues(enumType) + ")");
    }

    @Override
    protected List<String> dropEnumType(String name) {
        return List.of("DROP TYPE " + identifier(name));
    }

    /** True for {@code CREATE INDEX CONCURRENTLY} and {@code DROP INDEX CONCURRENTLY}. */
    @Override
    public boolean requiresAutocommit(Operation operation) {
        return (operation instanceof Operation.CreateIndex c && c.index().isConcurrent())
                || (operation instanceof Operation.DropIndex d && d.concurrently());
    }
}
