package io.samokoder.migrations.autoconfigure.unusablerevisions.field;

import io.samokoder.migrations.java.JavaRevision;
import io.samokoder.migrations.java.Revision;
import io.samokoder.migrations.ops.Operations;
import org.springframework.beans.factory.annotation.Autowired;

@Revision(id = "f1", message = "Field")
public class M001_Field implements JavaRevision {

    @Autowired
    private java.util.concurrent.Executor missingExecutor;

    @Override
    public void upgrade(Operations op) {
    }
}
