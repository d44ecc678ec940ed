package io.samokoder.migrations.lint;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a Java revision: the lint rules its statements are left alone by, as {@code -- lint: ignore} does for a
 * statement of an SQL script; no rules, every rule. For example {@code @LintIgnore("index-without-concurrently")}
 * on a revision that indexes a table known to be small.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface LintIgnore {

    /** The ids of the rules ({@link LintRule#id()}); none for every rule. */
    String[] value() default {};
}
