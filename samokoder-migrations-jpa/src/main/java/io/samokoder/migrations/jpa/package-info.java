/**
 * The application's JPA entities, as Hibernate ORM maps them, as the model that {@code revision --autogenerate}
 * and {@code check} compare with the database: {@link io.samokoder.migrations.jpa.JpaModel}, and
 * {@link io.samokoder.migrations.jpa.HibernateMetadataCapture} to take the mapping of a running application.
 */
package io.samokoder.migrations.jpa;
