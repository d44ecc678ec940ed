package io.samokoder.migrations.dialect.h2;

import io.samokoder.migrations.ops.AlterActions;
import io.samokoder.migrations.ops.Operation;
import io.samokoder.migrations.ops.SqlOperationRenderer;
import io.samokoder.migrations.ops.Type;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Operations as H2 SQL. H2 folds unquoted names to upper case, so plain names that are all lower case
 * or all upper case (and not reserved) are rendered bare: {@code users} becomes {@code USERS}, and both
 * {@code select * from users} and {@code hasTable("users")} keep working; other names are double-quoted.
 * Each {@code ALTER TABLE} carries one action (H2 does not combine them); enums are inline
 * {@code ENUM('a', 'b')}; partial, expression and concurrent indexes are refused.
 */
public final class H2OperationRenderer extends SqlOperationRenderer {

    /** The renderer; stateless. */
    public static final H2OperationRenderer INSTANCE = new H2OperationRenderer();

    private static final Pattern PLAIN = Pattern.compile("[a-z_][a-z0-9_]*|[A-Z_][A-Z0-9_]*");

    private static final Set<String> RESERVED = Set.of("_rowid_", "all", "and", "any", "array", "as", "asymmetric",
            "authorization", "between", "both", "case", "cast", "check", "constraint", "cross", "current_catalog",
            "current_date", "current_path", "current_role", "current_schema", "current_time", "current_timestamp",
            "current_user", "day", "default", "distinct", "else", "end", "except", "exists", "false", "fetch", "for",
            "foreign", "from", "full", "group", "groups", "having", "hour", "if", "ilike", "in", "inner", "intersect",
            "interval", "is", "join", "key", "leading", "left", "like", "limit", "localtime", "localtimestamp", "minus",
            "minute", "month", "natural", "not", "null", "offset", "on", "or", "order", "over", "partition", "primary",
            "qualify", "range", "regexp", "right", "row", "rownum", "rows", "second", "select", "session_user", "set",
            "some", "symmetric", "system_user", "table", "to", "top", "trailing", "true", "uescape", "union", "unique",
            "unknown", "user", "using", "value", "values", "when", "where", "window", "with", "year");

    /** Prefer {@link #INSTANCE}. */
    public H2OperationRenderer() {
    }

    @Override
    protected String databaseName() {
        return "H2";
    }

    @Override
    protected int maxIdentifierLength() {
        return 256;
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
    protected boolean isBare(String name) {
        return PLAIN.matcher(name).matches() && !RESERVED.contains(name.toLowerCase(java.util.Locale.ROOT));
    }

    @Override
    protected boolean combinesAlterActions() {
        return false;
    }

    @Override
    protected String sqlType(Type type, String table, String column) {
        return switch (type.kind()) {
            case UUID -> "UUID";
            case STRING -> type.length() == 0 ? "VARCHAR" : "VARCHAR(" + type.length() + ")";
            case TEXT -> "VARCHAR";
            case SMALLINT -> "SMALLINT";
            case INTEGER -> "INTEGER";
            case BIGINT -> "BIGINT";
            case BOOLEAN -> "BOOLEAN";
            case NUMERIC -> "NUMERIC(" + type.precision() + ", " + type.scale() + ")";
            case FLOAT -> "REAL";
            case DOUBLE -> "DOUBLE PRECISION";
            case DATE -> "DATE";
            case TIME -> "TIME(6)";
            case TIMESTAMP -> "TIMESTAMP";
            case TIMESTAMPTZ -> "TIMESTAMP WITH TIME ZONE";
            case JSON -> "JSON";
            case JSONB -> throw unsupportedType(type, table, column, "use Type.JSON (H2's JSON)");
            case BYTES -> "VARBINARY";
            case ENUM -> "ENUM(" + enumValues(type) + ")";
            case SQL -> type.sql();
        };
    }

    @Override
    protected String uuidLiteral(String uuid) {
        return "UUID '" + uuid + "'";
    }

    @Override
    protected AlterActions alterColumn(Operation.AlterColumn change) {
        return standardAlterColumn(change);
    }

    @Override
    protected String renameColumn(String table, String column, String newName) {
        return "ALTER TABLE " + identifier(table) + " ALTER COLUMN " + identifier(column) + " RENAME TO "
                + identifier(newName);
    }
}
