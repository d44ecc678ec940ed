package io.samokoder.migrations.autoconfigure.unusablerevisions.failing;

import io.samokoder.migrations.java.JavaRevision;
import io.samokoder.migrations.java.Revision;
import io.samokoder.migrations.ops.Operations;

/** Scanned, but its constructor throws. */
@Revision(id = "u1", message = "Fails to start")
public class M001_FailsToStart implements JavaRevision {

    public M001_FailsToStart() {
        throw new IllegalStateException("no greeting configured");
    }

    @Override
    public void upgrade(Operations op) {
    }
}
