package io.samokoder.migrations.ops;

import java.util.List;

/**
 * A check constraint, e.g. {@code Check.of("positive_amount", "amount > 0")}. The name is the
 * naming convention's {@code %(constraint_name)s} when its {@code ck} template uses that token.
 *
 * @param name      the constraint name
 * @param condition the SQL condition, rendered as given
 */
public record Check(String name, String condition) implements Constraint {

    /** Checks the condition is given. */
    public Check {
        if (condition == null || condition.isBlank()) {
            throw new IllegalArgumentException("Check constraint " + name + " needs a condition");
        }
    }

    /** A check constraint of this name and SQL condition. */
    public static Check of(String name, String condition) {
        return new Check(Names.require(name, "A check constraint"), condition);
    }

    @Override
    public Check named(String constraintName) {
        return new Check(constraintName, condition);
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
