package io.samokoder.migrations.readme;

import io.samokoder.migrations.java.JavaRevision;
import io.samokoder.migrations.java.Revision;
import io.samokoder.migrations.ops.Column;
import io.samokoder.migrations.ops.Operations;
import io.samokoder.migrations.ops.Type;

/** The users table the README's orders refer to, in Java so that its uuid type is each database's. */
@Revision(id = "3f2a9c1b7d4e", message = "Add users")
public class M0041_AddUsers implements JavaRevision {

    @Override
    public void upgrade(Operations op) {
        op.createTable("users", Column.of("id", Type.UUID).primaryKey(),
                Column.of("email", Type.string(255)).notNull().unique());
    }

    @Override
    public void downgrade(Operations op) {
        op.dropTable("users");
    }
}
