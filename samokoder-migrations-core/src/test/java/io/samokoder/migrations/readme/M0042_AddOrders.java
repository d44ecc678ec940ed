package io.samokoder.migrations.readme;

import io.samokoder.migrations.java.JavaRevision;
import io.samokoder.migrations.java.Revision;
import io.samokoder.migrations.ops.Check;
import io.samokoder.migrations.ops.Column;
import io.samokoder.migrations.ops.ForeignKey;
import io.samokoder.migrations.ops.Index;
import io.samokoder.migrations.ops.Operations;
import io.samokoder.migrations.ops.ReferentialAction;
import io.samokoder.migrations.ops.Type;
import java.util.List;
import java.util.Map;

/** The Java revision that README.md shows (its body verbatim), run by {@code ReadmeJavaRevisionTest}. */
@Revision(id = "8b2e4c6d1f3a", revises = "3f2a9c1b7d4e", message = "Add orders")
public class M0042_AddOrders implements JavaRevision {

    @Override
    public void upgrade(Operations op) {
        op.createTable("order_statuses",
                Column.of("code", Type.string(20)).primaryKey(),
                Column.of("label", Type.string(100)).notNull());
        op.bulkInsert("order_statuses", List.of(
                Map.of("code", "new", "label", "New"),
                Map.of("code", "paid", "label", "Paid")));
        op.createTable("orders",
                Column.of("id", Type.BIGINT).primaryKey().autoincrement(),
                Column.of("user_id", Type.UUID).notNull(),
                Column.of("status", Type.string(20)).notNull().serverDefault("'new'"),
                Column.of("total", Type.numeric(12, 2)).notNull(),
                Column.of("created_at", Type.TIMESTAMPTZ).notNull().serverDefault("CURRENT_TIMESTAMP"),
                ForeignKey.from("user_id").references("users", "id").onDelete(ReferentialAction.CASCADE),
                ForeignKey.from("status").references("order_statuses", "code"),
                Check.of("total_positive", "total >= 0"));
        op.createIndex(Index.on("orders", "user_id", "created_at"));
    }

    @Override
    public void downgrade(Operations op) {
        op.dropTable("orders");
        op.dropTable("order_statuses");
    }
}
