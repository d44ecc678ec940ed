package io.samokoder.migrations.benchmarks;

import io.samokoder.migrations.java.JavaRevision;
import io.samokoder.migrations.ops.Column;
import io.samokoder.migrations.ops.Operations;
import io.samokoder.migrations.ops.Type;

/**
 * The Java form of migration i: the same table, index and row as the SQL workload on PostgreSQL,
 * through the operations API. The generated revision classes ({@link JavaRevisionWorkload}) extend
 * it and only carry their {@code @Revision} and index; public so that they can.
 */
public abstract class BenchJavaRevision implements JavaRevision {

    private final int index;

    protected BenchJavaRevision(int index) {
        this.index = index;
    }

    @Override
    public void upgrade(Operations op) {
        String table = "t_" + this.index;
        op.createTable(table,
                Column.of("id", Type.BIGINT).primaryKey(),
                Column.of("name", Type.TEXT).notNull(),
                Column.of("created_at", Type.TIMESTAMPTZ).notNull().serverDefault("now()"));
        op.createIndex("ix_" + table + "_name", table, "name");
        op.execute("INSERT INTO " + table + "(id, name) VALUES (1, 'x')");
    }

    @Override
    public void downgrade(Operations op) {
        op.dropTable("t_" + this.index);
    }
}
