package io.samokoder.migrations.autoconfigure.javarevisions;

import io.samokoder.migrations.java.JavaRevision;
import io.samokoder.migrations.java.Revision;
import io.samokoder.migrations.ops.Operations;

/** A Java revision found by package scanning. */
@Revision(id = "g1", message = "Create greetings")
public class M001_CreateGreetings implements JavaRevision {

    @Override
    public void upgrade(Operations op) {
        op.execute("CREATE TABLE greetings (id int PRIMARY KEY, text varchar(100) NOT NULL)");
    }

    @Override
    public void downgrade(Operations op) {
        op.execute("DROP TABLE greetings");
    }
}
