package io.samokoder.migrations.classfile.marks;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** An annotation kept in the class file but not visible at run time. */
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface Compiled {
}
