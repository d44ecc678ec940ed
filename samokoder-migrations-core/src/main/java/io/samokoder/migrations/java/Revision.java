package io.samokoder.migrations.java;

import io.samokoder.migrations.script.Phase;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares a {@link JavaRevision}'s place in the revision graph, as the header of an SQL script
 * does: its id, the revisions it revises, its branch labels and dependencies, its message, whether
 * it runs in a transaction and its own timeouts.
 *
 * <pre>{@code
 * @Revision(id = "5d1c0e7b9a2f", revises = "3f2a9c1b7d4e", message = "Add the users' locale")
 * public class M0042_AddUserLocale implements JavaRevision { ... }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Revision {

    /** The revision id (as {@code Revision ID}); must not contain {@code @ - + :}. */
    String id();

    /** The revisions this one revises (as {@code Revises}): none for a root, two or more for a merge. */
    String[] revises() default {};

    /** The branch labels it declares (as {@code Branch Labels}). */
    String[] branchLabels() default {};

    /** The revisions or branch labels it depends on (as {@code Depends On}). */
    String[] dependsOn() default {};

    /** The one-line message shown by {@code history} and the logs. */
    String message() default "";

    /** The creation date as written by {@code revision --java}; informational. */
    String createDate() default "";

    /**
     * Whether the revision runs in a transaction (as {@code Transactional}); a PostgreSQL
     * {@code createIndex(...).concurrently()} makes it run outside one by itself.
     */
    boolean transactional() default true;

    /**
     * Whether the revision is deferred (as {@code Deferred}): an application's start-up leaves it, and every
     * revision after it, to run once the application is ready.
     */
    boolean deferred() default false;

    /**
     * The revision's expand/contract phase (as {@code Phase}): {@code CONTRACT} for one that drops what only the
     * previous build uses, which an application leaves to an explicit upgrade on a database in use.
     */
    Phase phase() default Phase.EXPAND;

    /**
     * The revision's own lock timeout (as {@code Lock Timeout}): {@code 500ms}, {@code 5s}, {@code 2min},
     * {@code 1h}, or {@code 0} for none; empty for the configured one.
     */
    String lockTimeout() default "";

    /**
     * The revision's own statement timeout (as {@code Statement Timeout}), in the same forms; empty for the
     * configured one.
     */
    String statementTimeout() default "";

    /**
     * The declared version of a revision that reads the database ({@code op.hasTable(...)},
     * {@code op.connection()}, ...): its operations cannot be recorded without a database, so its
     * checksum is this value instead, and a change to what it does must raise it. Leave it empty
     * for a revision that only calls operations: its checksum then covers the operations it
     * records, and any change to them is detected by itself.
     */
    String version() default "";
}
