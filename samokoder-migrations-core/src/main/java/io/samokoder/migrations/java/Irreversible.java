package io.samokoder.migrations.java;

/** Thrown by {@link JavaRevision#downgrade}'s default: the revision declares no downgrade. */
final class Irreversible extends RuntimeException {

    private static final long serialVersionUID = 1L;

    static final Irreversible SIGNAL = new Irreversible();

    private Irreversible() {
        super("the revision has no downgrade", null, false, false);
    }
}
