package io.samokoder.migrations.testsupport;

/**
 * Gives a test class its own fresh PostgreSQL database ({@link TestPostgres}): register with
 * {@code @ExtendWith(PostgresDatabaseExtension.class)} and declare a {@link TestDatabase}
 * parameter on a test, lifecycle method or constructor. The database is created before the first
 * test of the class and dropped after the last.
 */
public final class PostgresDatabaseExtension extends ClassDatabaseExtension {

    /** Creates the extension (JUnit does, for {@code @ExtendWith}). */
    public PostgresDatabaseExtension() {
        super(TestPostgres::createDatabase);
    }
}
