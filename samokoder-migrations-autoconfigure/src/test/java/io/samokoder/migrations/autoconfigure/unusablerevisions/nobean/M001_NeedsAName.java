package io.samokoder.migrations.autoconfigure.unusablerevisions.nobean;

import io.samokoder.migrations.java.JavaRevision;
import io.samokoder.migrations.java.Revision;
import io.samokoder.migrations.ops.Operations;

/** Scanned, but its only constructor takes a value that is no bean. */
@Revision(id = "u1", message = "Needs a name")
public class M001_NeedsAName implements JavaRevision {

    public M001_NeedsAName(String name) {
    }

    @Override
    public void upgrade(Operations op) {
    }
}
