package io.samokoder.migrations.ops;

import java.util.Arrays;
import java.util.List;

/**
 * An index to create, e.g. {@code Index.on("users", "email").unique()} or
 * {@code Index.onExpressions("users", "lower(email)").named("ix_users_email_lower")}.
 *
 * @param name         the index name, or null for the naming convention's {@code ix}
 * @param table        the indexed table
 * @param elements     the columns and expressions, in order
 * @param isUnique     whether it is a unique index
 * @param where        the condition of a partial index (PostgreSQL only), or null
 * @param isConcurrent whether it is built without blocking writes (PostgreSQL only; the revision then runs
 *                     outside a transaction)
 */
public record Index(String name, String table, List<IndexElement> elements, boolean isUnique, String where,
        boolean isConcurrent) {

    /** Checks the table and elements are given. */
    public Index {
        Names.require(table, "The table of an index");
        elements = List.copyOf(elements);
        if (elements.isEmpty()) {
            throw new IllegalArgumentException("An index on table " + table + " needs at least one column");
        }
    }

    /** An index on these columns of the table. */
    public static Index on(String table, String... columns) {
        return on(null, table, columns);
    }

    /** As {@link #on(String, String...)}, with this name (null for the naming convention's). */
    static Index on(String name, String table, String[] columns) {
        Names.checkColumns(columns, "An index on table ", table);
        IndexElement[] elements = new IndexElement[columns.length];
        for (int i = 0; i < columns.length; i++) {
            elements[i] = new IndexElement(columns[i], false);
        }
        return new Index(name, table, List.of(elements), false, null, false);
    }

    /** An index on these SQL expressions, e.g. {@code lower(email)}; name it with {@link #named}. */
    public static Index onExpressions(String table, String... expressions) {
        if (expressions.length == 0) {
            throw new IllegalArgumentException("An index on table " + table + " needs at least one expression");
        }
        IndexElement[] elements = new IndexElement[expressions.length];
        for (int i = 0; i < expressions.length; i++) {
            elements[i] = new IndexElement(expressions[i], true);
        }
        return new Index(null, table, List.of(elements), false, null, false);
    }

    /** This index with this name. */
    public Index named(String indexName) {
        return new Index(indexName, table, elements, isUnique, where, isConcurrent);
    }

    /** This index, unique. */
    public Index unique() {
        return new Index(name, table, elements, true, where, isConcurrent);
    }

    /** This index, partial: only rows matching this SQL condition (PostgreSQL only). */
    public Index where(String condition) {
        return new Index(name, table, elements, isUnique, condition, isConcurrent);
    }

    /** This index, built concurrently (PostgreSQL only). */
    public Index concurrently() {
        return new Index(name, table, elements, isUnique, where, true);
    }

    /** The names of the column elements (not the expressions), in order. */
    public List<String> columnNames() {
        String[] names = new String[elements.size()];
        int n = 0;
        for (IndexElement element : elements) {
            if (!element.expression()) {
                names[n++] = element.text();
            }
        }
        return n == names.length ? List.of(names) : List.of(Arrays.copyOf(names, n));
    }
}
