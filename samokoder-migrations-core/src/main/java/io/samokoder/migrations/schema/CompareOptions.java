package io.samokoder.migrations.schema;

import io.samokoder.migrations.dialect.Dialect;
import io.samokoder.migrations.ops.OperationNotSupportedException;
import io.samokoder.migrations.ops.OperationRenderer;
import io.samokoder.migrations.ops.Type;
import java.util.function.Function;

/**
 * What {@link SchemaComparator} compares, as Alembic's {@code compare_type} and
 * {@code compare_server_default} settings, plus whether tables in the database but in no entity are dropped.
 *
 * @param compareTypes          whether column types are compared
 * @param compareServerDefaults whether server defaults are compared
 * @param dropUnmappedTables    whether tables (and sequences) in the database but not in the model are dropped;
 *                              when false they are left alone and each gets a note
 * @param typeSql               how a type is written for the comparison (both sides are written by it, and the
 *                              texts compared case-insensitively with whitespace normalised)
 */
public record CompareOptions(boolean compareTypes, boolean compareServerDefaults, boolean dropUnmappedTables,
        Function<Type, String> typeSql) {

    /** Checks the type writer is given. */
    public CompareOptions {
        if (typeSql == null) {
            throw new IllegalArgumentException("CompareOptions needs typeSql, how a type is written for the"
                    + " comparison; use CompareOptions.defaults(dialect)");
        }
    }

    /**
     * Types and server defaults compared, unmapped tables left alone, and types compared as the dialect's
     * operation renderer writes them (a type the dialect cannot write is compared by its value).
     */
    public static CompareOptions defaults(Dialect dialect) {
        if (dialect == null) {
            throw new IllegalArgumentException("CompareOptions.defaults needs the dialect of the compared database");
        }
        OperationRenderer renderer = dialect.operations();
        return new CompareOptions(true, true, false, type -> typeSql(renderer, type));
    }

    /** These options with type comparison on or off. */
    public CompareOptions withCompareTypes(boolean compare) {
        return new CompareOptions(compare, compareServerDefaults, dropUnmappedTables, typeSql);
    }

    /** These options with server default comparison on or off. */
    public CompareOptions withCompareServerDefaults(boolean compare) {
        return new CompareOptions(compareTypes, compare, dropUnmappedTables, typeSql);
    }

    /** These options with unmapped tables dropped, or left alone. */
    public CompareOptions withDropUnmappedTables(boolean drop) {
        return new CompareOptions(compareTypes, compareServerDefaults, drop, typeSql);
    }

    /** The type's SQL as the renderer writes it in a column definition; its value for a type it cannot write. */
    private static String typeSql(OperationRenderer renderer, Type type) {
        try {
            return renderer.typeSql(type, "t", "c");
        } catch (OperationNotSupportedException unsupported) {
            return type.toString();
        }
    }
}
