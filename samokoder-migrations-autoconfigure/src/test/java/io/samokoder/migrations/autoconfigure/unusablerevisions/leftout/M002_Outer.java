package io.samokoder.migrations.autoconfigure.unusablerevisions.leftout;

import io.samokoder.migrations.java.JavaRevision;
import io.samokoder.migrations.java.Revision;
import io.samokoder.migrations.ops.Operations;

/** Holds an annotated inner class, which the scan leaves out with a warning. */
public class M002_Outer {

    /** Not static: it cannot be created without an outer instance. */
    @Revision(id = "u2", message = "Inner")
    public class Inner implements JavaRevision {

        @Override
        public void upgrade(Operations op) {
        }
    }
}
