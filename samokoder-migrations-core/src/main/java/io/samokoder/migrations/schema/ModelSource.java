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
}
