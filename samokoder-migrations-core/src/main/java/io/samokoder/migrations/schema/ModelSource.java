package io.samokoder.migrations.schema;

import io.samokoder.migrations.dialect.Dialect;

/**
 * Where {@code revision --autogenerate} and {@code check} take the application's model from, e.g. its JPA
 * entities as Hibernate maps them. Asked once per command, for the dialect of the database being compared
 * (a model's types and names may depend on it).
 */
@FunctionalInterface
public interface ModelSource {

    /**
     * The model's schema.
     *
     * @param dialect the dialect of the database it is compared with
     * @throws IllegalStateException when the model cannot be built, with a message that says why and how to
     *     fix it (e.g. which entity class failed)
     */
    Schema model(Dialect dialect);

    /**
     * The model's schema for a server of this version. A model whose mapping depends on the version (Hibernate's
     * dialects choose types by it, e.g. MariaDB's {@code uuid} from 10.7) uses it; by default the version is
     * not needed and {@link #model(Dialect)} answers.
     *
     * @param dialect         the dialect of the database it is compared with
     * @param databaseVersion the server's version as its JDBC driver reports it
     *                        ({@code DatabaseMetaData.getDatabaseProductVersion()}), or null when unknown
     */
    default Schema model(Dialect dialect, String databaseVersion) {
        return model(dialect);
    }
}
