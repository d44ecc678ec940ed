package io.samokoder.migrations.cli.command;

import io.samokoder.migrations.ops.Operation;
import io.samokoder.migrations.ops.SqlValue;
import io.samokoder.migrations.ops.ValueKind;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Java source of the data operations for {@link JavaOperationSource}: {@code op.execute} with its binds and
 * {@code op.bulkInsert} with its rows, each value written as a Java expression that {@link SqlValue#of}
 * captures as the same value.
 */
final class JavaDataSource {

    /** Gives the simple name of a class, fully qualified, and imports it. */
    private final UnaryOperator<String> use;

    JavaDataSource(UnaryOperator<String> use) {
        this.use = use;
    }

    private String use(String qualified) {
        return this.use.apply(qualified);
    }

    private static String literal(String value) {
        return JavaOperationSource.literal(value);
    }

    String execute(Operation.Execute execute) {
        if (!execute.binds()) {
            return "op.execute(" + literal(execute.sql()) + ");";
        }
        boolean nulls = execute.parameters().stream().anyMatch(p -> p.value().kind() == ValueKind.NULL);
        if (!nulls && execute.parameters().size() <= 10) {
            List<String> entries = new ArrayList<>();
            for (Operation.Parameter parameter : execute.parameters()) {
                entries.add(literal(parameter.name()) + ", " + value(parameter.value()));
            }
            return "op.execute(" + literal(execute.sql()) + ", " + use("java.util.Map") + ".of("
                    + String.join(", ", entries) + "));";
        }
        // Map.of takes neither nulls nor more than ten entries.
        StringBuilder out = new StringBuilder("{\n    ").append(use("java.util.Map"))
                .append("<String, Object> parameters = new ").append(use("java.util.LinkedHashMap")).append("<>();\n");
        for (Operation.Parameter parameter : execute.parameters()) {
            out.append("    parameters.put(").append(literal(parameter.name())).append(", ")
                .append(value(parameter.value())).append(");\n");
        }
        return out.append("    op.execute(").append(literal(execute.sql())).append(", parameters);\n}").toString();
    }

    String bulkInsert(Operation.BulkInsert insert) {
        String map = use("java.util.Map");
        String linked = use("java.util.LinkedHashMap");
        StringBuilder out = new StringBuilder("{\n    ").append(use("java.util.List")).append('<').append(map)
                .append("<String, Object>> rows = new ").append(use("java.util.ArrayList")).append("<>();\n");
        for (Operation.Row row : insert.rows()) {
            out.append("    {\n        ").append(map).append("<String, Object> row = new ").append(linked).append("<>();\n");
            for (int i = 0; i < row.columns().size(); i++) {
                out.append("        row.put(").append(literal(row.columns().get(i))).append(", ")
                    .append(value(row.values().get(i))).append(");\n");
            }
            out.append("        rows.add(row);\n    }\n");
        }
        return out.append("    op.bulkInsert(").append(literal(insert.table())).append(", rows);\n}").toString();
    }

    /** A Java expression that {@link SqlValue#of} captures as this value. */
    private String value(SqlValue value) {
        String text = value.text();
        return switch (value.kind()) {
            case NULL -> "null";
            case STRING -> literal(text);
            case BOOLEAN -> text;
            case NUMBER -> number(text);
            case UUID -> use("java.util.UUID") + ".fromString(" + literal(text) + ")";
            case DATE -> use("java.time.LocalDate") + ".parse(" + literal(text) + ")";
            case TIME -> use("java.time.LocalTime") + ".parse(" + literal(text) + ")";
            case TIMESTAMP -> use("java.time.LocalDateTime") + ".parse(" + literal(text.replace(' ', 'T')) + ")";
            case TIMESTAMPTZ -> use("java.time.OffsetDateTime") + ".parse(" + literal(text.replace(' ', 'T')) + ")";
            case BYTES -> use("java.util.HexFormat") + ".of().parseHex(" + literal(text) + ")";
        };
    }

    private String number(String text) {
        try {
            long parsed = Long.parseLong(text);
            if (Long.toString(parsed).equals(text)) {
                return text + "L";
            }
        } catch (NumberFormatException e) {
            // not a long: a decimal
        }
        return "new " + use("java.math.BigDecimal") + "(" + literal(text) + ")";
    }
}
