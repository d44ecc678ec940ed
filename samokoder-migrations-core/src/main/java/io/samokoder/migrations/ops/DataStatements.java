package io.samokoder.migrations.ops;

import java.util.List;

/** The SQL of {@code execute} (binds replaced by literals) and {@code bulkInsert} (one INSERT per row). */
final class DataStatements {

    private DataStatements() {
    }

    static String execute(Operation.Execute e, SqlText sql) {
        if (!e.binds()) {
            return e.sql();
        }
        return Binds.replace(e.sql(), sql.backslashEscapes(), name -> e.parameters().stream()
                .filter(p -> p.name().equals(name)).findFirst()
                .map(p -> sql.literal(p.value()))
                .orElseThrow(() -> new IllegalArgumentException("No value for :" + name + " in: " + e.sql())));
    }

    static List<String> bulkInsert(Operation.BulkInsert b, SqlOperationRenderer sql) {
        return b.rows().stream().map(row -> "INSERT INTO " + sql.identifier(b.table()) + " ("
                + String.join(", ", row.columns().stream().map(sql::identifier).toList()) + ") VALUES ("
                + String.join(", ", row.values().stream().map(sql::literal).toList()) + ")").toList();
    }
}
