package io.samokoder.migrations.cli.javafixture;

import io.samokoder.migrations.java.JavaRevision;
import io.samokoder.migrations.java.Revision;
import io.samokoder.migrations.ops.Column;
import io.samokoder.migrations.ops.Operations;
import io.samokoder.migrations.ops.Type;

/** A Java revision on the CLI's own class path (the test class path): found without {@code --classpath}. */
@Revision(id = "abcd0002", revises = "aaaa1111", message = "Audit table")
public class M0002_Audit implements JavaRevision {

    @Override
    public void upgrade(Operations op) {
        op.createTable("audit", Column.of("id", Type.INTEGER).primaryKey());
    }

    @Override
    public void downgrade(Operations op) {
        op.dropTable("audit");
    }
}
