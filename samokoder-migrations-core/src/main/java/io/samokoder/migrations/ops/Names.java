package io.samokoder.migrations.ops;

import java.util.List;

/** Argument checks for names, shared by the value types. */
final class Names {

    private Names() {
    }

    static String require(String name, String what) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException(what + " needs a name");
        }
        return name;
    }

    /**
     * As {@link #require(String, String)} for a name an operation on a table takes: the message,
     * {@code operation(table): what needs a name}, joined only when the check fails.
     */
    static String require(String name, String operation, String table, String what) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException(operation + "(" + table + "): " + what + " needs a name");
        }
        return name;
    }

    static List<String> columns(String[] columns, String what) {
        checkColumns(columns, what, "");
        return List.of(columns);
    }

    /**
     * Checks the columns are given; the message names {@code what + subject}, joined only when a check
     * fails (this runs for every key and index a revision declares).
     */
    static void checkColumns(String[] columns, String what, String subject) {
        if (columns == null || columns.length == 0) {
            throw new IllegalArgumentException(what + subject + " needs at least one column");
        }
        for (String c : columns) {
            requireColumn(c, what, subject);
        }
    }

    /** As {@link #columns(String[], String)}, keeping a list that is already unmodifiable. */
    static List<String> columns(List<String> columns, String what) {
        if (columns == null || columns.isEmpty()) {
            throw new IllegalArgumentException(what + " needs at least one column");
        }
        for (int i = 0; i < columns.size(); i++) {
            requireColumn(columns.get(i), what, "");
        }
        return List.copyOf(columns);
    }

    private static void requireColumn(String column, String what, String subject) {
        if (column == null || column.isBlank()) {
            throw new IllegalArgumentException("Every column of " + what + subject + " needs a name");
        }
    }
}
