package io.samokoder.migrations.ops;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** Test helper: records a revision body and renders it with a renderer. */
public final class Recorded {

    private Recorded() {
    }

    /** The operations the body calls, with the default naming convention. */
    public static List<Operation> ops(Consumer<Operations> body) {
        OperationRecorder recorder = new OperationRecorder(NamingConvention.DEFAULT);
        body.accept(recorder);
        return recorder.operations();
    }

    /** The SQL statements of the body's operations. */
    public static List<String> sql(OperationRenderer renderer, Consumer<Operations> body) {
        List<String> out = new ArrayList<>();
        ops(body).forEach(op -> out.addAll(renderer.render(op)));
        return out;
    }

    /** A users table with most types, constraints and comments. */
    public static void createUsers(Operations op) {
        op.createTable("users",
                Column.of("id", Type.UUID).primaryKey(),
                Column.of("email", Type.string(255)).notNull().unique(),
                Column.of("name", Type.TEXT).comment("display name"),
                Column.of("age", Type.SMALLINT),
                Column.of("active", Type.BOOLEAN).notNull().serverDefault("TRUE"),
                Column.of("balance", Type.numeric(12, 2)).serverDefault("0"),
                Column.of("created_at", Type.TIMESTAMPTZ).notNull().serverDefault("CURRENT_TIMESTAMP"),
                Check.of("adult", "age >= 18"),
                TableComment.of("people"));
    }
}
