package io.samokoder.migrations.classfile.marks;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** An annotation with an element of each kind, which the scan skips over. */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Valued {

    /** A primitive. */
    long number();

    /** A string. */
    String text();

    /** An enum constant. */
    ElementType kind();

    /** A class. */
    Class<?> type();

    /** A nested annotation. */
    Other nested();

    /** An array. */
    int[] list();
}
