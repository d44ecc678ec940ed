package io.samokoder.migrations.testsupport;

/**
 * Gives a test class its own fresh MariaDB database ({@link TestMariaDb}): register with
 * {@code @ExtendWith(MariaDbDatabaseExtension.class)} and declare a {@link TestDatabase}
 * parameter on a test, lifecycle method or constructor. The database is created before the first
 * test of the class and dropped after the last.
 */
public final class MariaDbDatabaseExtension extends ClassDatabaseExtension {

    /** Creates the extension (JUnit does, for {@code @ExtendWith}). */
    public MariaDbDatabaseExtension() {
        super(TestMariaDb::createDatabase);
    }
}
