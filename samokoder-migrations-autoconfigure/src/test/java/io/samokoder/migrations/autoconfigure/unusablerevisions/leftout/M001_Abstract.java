package io.samokoder.migrations.autoconfigure.unusablerevisions.leftout;

import io.samokoder.migrations.java.JavaRevision;
import io.samokoder.migrations.java.Revision;
import io.samokoder.migrations.ops.Operations;

/** Annotated, but abstract: the scan leaves it out with a warning. */
@Revision(id = "u1", message = "Abstract")
public abstract class M001_Abstract implements JavaRevision {

    @Override
    public void upgrade(Operations op) {
    }
}
