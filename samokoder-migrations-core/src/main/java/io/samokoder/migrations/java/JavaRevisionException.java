package io.samokoder.migrations.java;

import io.samokoder.migrations.MigrationException;

/**
 * A Java revision that cannot be used: no or a bad {@link Revision} annotation, a revision that
 * reads the database without a declared version, or code that failed while its operations were
 * recorded. The message names the class and says how to fix it.
 */
public class JavaRevisionException extends MigrationException {

    private static final long serialVersionUID = 1L;

    private final String className;

    /**
     * Creates the exception.
     *
     * @param className the revision's class
     * @param problem what is wrong and how to fix it
     * @param cause the underlying failure, or {@code null}
     */
    public JavaRevisionException(String className, String problem, Throwable cause) {
        super("Java revision " + className + ": " + problem, cause);
        this.className = className;
    }

    /** The revision's class name. */
    public String className() {
        return this.className;
    }
}
