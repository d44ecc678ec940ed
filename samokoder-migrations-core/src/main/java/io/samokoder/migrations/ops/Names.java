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

    static List<String> columns(String[] columns, String what) {
        if (columns == null || columns.length == 0) {
            throw new IllegalArgumentException(what + " needs at least one column");
        }
        for (String c : columns) {
            require(c, "Every column of " + what);
        }
        return List.of(columns);
    }
}
