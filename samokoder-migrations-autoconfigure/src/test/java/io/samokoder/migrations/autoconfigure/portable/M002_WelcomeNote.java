package io.samokoder.migrations.autoconfigure.portable;

import io.samokoder.migrations.java.JavaRevision;
import io.samokoder.migrations.java.Revision;
import io.samokoder.migrations.ops.Operations;
import java.util.List;
import java.util.Map;

/** Data, written as literals for whichever database runs it. */
@Revision(id = "n2", revises = "n1", message = "Welcome note")
public class M002_WelcomeNote implements JavaRevision {

    @Override
    public void upgrade(Operations op) {
        op.bulkInsert("notes", List.of(Map.of("id", 1, "body", "It's here")));
    }

    @Override
    public void downgrade(Operations op) {
        op.execute("DELETE FROM notes WHERE id = :id", Map.of("id", 1));
    }
}
