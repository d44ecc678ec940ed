package io.samokoder.migrations.ops;

import java.util.List;

/**
 * A check constraint, e.g. {@code Check.of("positive_amount", "amount > 0")}. The name is the
 * naming convention's {@code %(constraint_name)s} when its {@code ck} template uses that token.
 *
 * @param name       the constraint name
 * @param condition  the SQL condition, rendered as given
 * @param isNotValid whether existing rows are left unchecked (PostgreSQL's {@code NOT VALID})
 */
public record Check(String name, String condition, boolean isNotValid) implements Constraint {

    /** Checks the condition is given. */
    public Check {
        if (condition == null || condition.isBlank()) {
            throw new IllegalArgumentException("Check constraint " + name + " needs a condition");
        }
    }

    /** A check constraint that checks the existing rows when it is added. */
    public Check(String name, String condition) {
        this(name, condition, false);
    }

    /** A check constraint of this name and SQL condition. */
    public static Check of(String name, String condition) {
        return new Check(Names.require(name, "A check constraint"), condition);
    }

    @Override
    public Check named(String constraintName) {
        return new Check(constraintName, condition, isNotValid);
    }

    /** This check added without checking existing rows (PostgreSQL only; validate it later). */
    public Check notValid() {
        return new Check(name, condition, true);
    }

    /**
     * The record's text, without {@code isNotValid} when it is false: a Java revision's checksum is made of its
     * operations' texts, and a check recorded before {@link #notValid()} existed keeps the text it had.
     */
    @Override
    public String toString() {
        return "Check[name=" + name + ", condition=" + condition + (isNotValid ? ", isNotValid=true]" : "]");
    }

    @Override
    public List<String> columns() {
        return List.of();
    }

    @Override
    public ConstraintKind kind() {
        return ConstraintKind.CHECK;
    }
}
