/**
 * Spring Boot auto-configuration of Samokoder Migrations: the start-up migration, its configuration properties,
 * command mode, the {@code migrations} actuator endpoint, the health contributor and the metrics.
 */
@NullMarked
package io.samokoder.migrations.autoconfigure;

import org.jspecify.annotations.NullMarked;
