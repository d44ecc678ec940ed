package io.samokoder.migrations.runtime;

import io.samokoder.migrations.dialect.Dialect;
import io.samokoder.migrations.script.RevisionCode;
import java.sql.Connection;
import java.util.List;
import java.util.function.Supplier;

/** Test helper: revision code with a given checksum, which neither renders nor runs. */
final class CodeStub implements RevisionCode {

    private final Supplier<String> checksum;

    CodeStub(Supplier<String> checksum) {
        this.checksum = checksum;
    }

    @Override
    public boolean reversible() {
        return false;
    }

    @Override
    public String checksum() {
        return this.checksum.get();
    }

    @Override
    public boolean readsDatabase() {
        return false;
    }

    @Override
    public List<String> statements(boolean upgrade, Dialect dialect) {
        throw new AssertionError("the stub renders no statements");
    }

    @Override
    public boolean requiresAutocommit(Dialect dialect) {
        return false;
    }

    @Override
    public void run(boolean upgrade, Connection connection, Dialect dialect, Sink sink) {
        throw new AssertionError("the stub does not run");
    }
}
