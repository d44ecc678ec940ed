package io.samokoder.migrations.autoconfigure.unusablerevisions.choice;

import io.samokoder.migrations.java.JavaRevision;
import io.samokoder.migrations.java.Revision;
import io.samokoder.migrations.ops.Operations;

/** Scanned, with two constructors and none without arguments or marked {@code @Autowired}. */
@Revision(id = "u1", message = "Two ways")
public class M001_TwoWays implements JavaRevision {

    public M001_TwoWays(String name) {
    }

    public M001_TwoWays(int number) {
    }

    @Override
    public void upgrade(Operations op) {
    }
}
