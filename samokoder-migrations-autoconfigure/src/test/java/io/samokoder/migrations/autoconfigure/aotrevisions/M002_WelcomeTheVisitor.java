package io.samokoder.migrations.autoconfigure.aotrevisions;

import io.samokoder.migrations.java.JavaRevision;
import io.samokoder.migrations.java.Revision;
import io.samokoder.migrations.ops.Operations;
import java.util.Map;

/** A scanned Java revision on top of a SQL script, whose constructor takes a bean of the application. */
@Revision(id = "eeee00000002", revises = "eeee00000001", message = "Welcome the visitor")
public class M002_WelcomeTheVisitor implements JavaRevision {

    private final Visitor visitor;

    public M002_WelcomeTheVisitor(Visitor visitor) {
        this.visitor = visitor;
    }

    @Override
    public void upgrade(Operations op) {
        op.execute("INSERT INTO visits (id, visitor) VALUES (1, :visitor)", Map.of("visitor", this.visitor.name()));
    }

    @Override
    public void downgrade(Operations op) {
        op.execute("DELETE FROM visits WHERE id = 1");
    }
}
