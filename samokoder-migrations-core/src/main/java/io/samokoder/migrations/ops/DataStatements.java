package io.samokoder.migrations.ops;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** The SQL of {@code execute} (binds replaced by literals) and {@code bulkInsert} (one INSERT per row). */
final class DataStatements {

    private DataStatements() {
    }

    static String execute(Operation.Execute e, SqlText sql) {
        if (!e.binds()) {
            return e.sql();
        }
        return Binds.replace(e.sql(), sql.mysqlLexicalRules(), sql.backslashEscapes(), new Function<String, String>() {
            @Override
            public String apply(String name) {
                for (Operation.Parameter parameter : e.parameters()) {
                    if (parameter.name().equals(name)) {
                        return sql.literal(parameter.value());
                    }
                }
                throw new IllegalArgumentException("No value for :" + name + " in: " + e.sql());
            }
        });
    }

    /**
     * One {@code INSERT} per row. Loops rather than streams: a run renders each Java revision before its
     * first step, in a JVM where the streams' and lambdas' first use still costs milliseconds.
     */
    static List<String> bulkInsert(Operation.BulkInsert b, SqlOperationRenderer sql) {
        String table = sql.identifier(b.table());
        List<String> statements = new ArrayList<>(b.rows().size());
        for (Operation.Row row : b.rows()) {
            StringBuilder out = new StringBuilder(64).append("INSERT INTO ").append(table).append(" (");
            List<String> columns = row.columns();
            for (int i = 0; i < columns.size(); i++) {
                out.append(i == 0 ? "" : ", ").append(sql.identifier(columns.get(i)));
            }
            out.append(") VALUES (");
            List<SqlValue> values = row.values();
            for (int i = 0; i < values.size(); i++) {
                out.append(i == 0 ? "" : ", ").append(sql.literal(values.get(i)));
            }
            statements.add(out.append(')').toString());
        }
        return List.copyOf(statements);
    }
}
