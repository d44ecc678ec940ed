/**
 * Testcontainers support: {@code MigrationsConnectionDetails} for a {@code @ServiceConnection} JDBC container.
 */
@NullMarked
package io.samokoder.migrations.autoconfigure.testcontainers;

import org.jspecify.annotations.NullMarked;
