package io.samokoder.migrations.autoconfigure.unusablerevisions.setter;

import io.samokoder.migrations.java.JavaRevision;
import io.samokoder.migrations.java.Revision;
import io.samokoder.migrations.ops.Operations;
import org.springframework.beans.factory.annotation.Autowired;

@Revision(id = "s1", message = "Setter")
public class M001_Setter implements JavaRevision {

    @Autowired
    public void setClock(java.time.Clock clock) {
    }

    @Override
    public void upgrade(Operations op) {
    }
}
