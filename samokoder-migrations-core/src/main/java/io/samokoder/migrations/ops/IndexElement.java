package io.samokoder.migrations.ops;

/**
 * One element of an index: a column, or a SQL expression such as {@code lower(email)}.
 *
 * @param text       the column name or the expression
 * @param expression whether {@code text} is an expression (rendered as given, in parentheses)
 */
public record IndexElement(String text, boolean expression) {

    /** Checks the text is given. */
    public IndexElement {
        Names.require(text, "An index element");
    }
}
