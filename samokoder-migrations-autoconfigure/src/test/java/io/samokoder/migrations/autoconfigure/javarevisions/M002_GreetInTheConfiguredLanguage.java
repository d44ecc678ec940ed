package io.samokoder.migrations.autoconfigure.javarevisions;

import io.samokoder.migrations.java.JavaRevision;
import io.samokoder.migrations.java.Revision;
import io.samokoder.migrations.ops.Operations;
import org.springframework.core.env.Environment;

/** A scanned Java revision whose constructor takes a bean. */
@Revision(id = "g2", revises = "g1", message = "Greet in the configured language")
public class M002_GreetInTheConfiguredLanguage implements JavaRevision {

    private final String greeting;

    public M002_GreetInTheConfiguredLanguage(Environment environment) {
        this.greeting = environment.getProperty("greeting", "hello");
    }

    @Override
    public void upgrade(Operations op) {
        op.execute("INSERT INTO greetings (id, text) VALUES (1, '" + this.greeting.replace("'", "''") + "')");
    }

    @Override
    public void downgrade(Operations op) {
        op.execute("DELETE FROM greetings WHERE id = 1");
    }
}
