package com.example.migrations;

import io.samokoder.migrations.java.JavaRevision;
import io.samokoder.migrations.java.Revision;
import io.samokoder.migrations.ops.Column;
import io.samokoder.migrations.ops.Operations;
import io.samokoder.migrations.ops.Type;

@Revision(id = "2b3c4d5e6f7a", revises = "1a2b3c4d5e6f", message = "add account email")
public class R2b3c4d5e6f7a_add_account_email implements JavaRevision {

    @Override
    public void upgrade(Operations op) {
        op.addColumn("account", Column.of("email", Type.string(100)));
    }

    @Override
    public void downgrade(Operations op) {
        op.dropColumn("account", "email");
    }
}
