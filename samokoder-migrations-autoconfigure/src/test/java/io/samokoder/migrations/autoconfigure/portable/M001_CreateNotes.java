package io.samokoder.migrations.autoconfigure.portable;

import io.samokoder.migrations.java.JavaRevision;
import io.samokoder.migrations.java.Revision;
import io.samokoder.migrations.ops.Column;
import io.samokoder.migrations.ops.Index;
import io.samokoder.migrations.ops.Operations;
import io.samokoder.migrations.ops.Type;

/** A Java revision written once for every database. */
@Revision(id = "n1", message = "Create notes")
public class M001_CreateNotes implements JavaRevision {

    @Override
    public void upgrade(Operations op) {
        op.createTable("notes", Column.of("id", Type.INTEGER).primaryKey(),
                Column.of("body", Type.string(200)).notNull(),
                Column.of("created_at", Type.TIMESTAMP).notNull().serverDefault("CURRENT_TIMESTAMP"));
        op.createIndex(Index.on("notes", "created_at"));
    }

    @Override
    public void downgrade(Operations op) {
        op.dropTable("notes");
    }
}
