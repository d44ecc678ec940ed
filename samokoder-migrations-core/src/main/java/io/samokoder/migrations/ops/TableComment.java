package io.samokoder.migrations.ops;

/**
 * A table's comment, given to {@link Operations#createTable} among the columns.
 *
 * @param text the comment
 */
public record TableComment(String text) implements TableElement {

    /** Checks the text is given. */
    public TableComment {
        if (text == null) {
            throw new IllegalArgumentException("A table comment needs a text");
        }
    }

    /** A table comment. */
    public static TableComment of(String text) {
        return new TableComment(text);
    }
}
