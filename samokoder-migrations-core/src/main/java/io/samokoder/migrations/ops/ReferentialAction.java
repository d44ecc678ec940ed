package io.samokoder.migrations.ops;

/** What a foreign key does when the referenced row is deleted or its key updated. */
public enum ReferentialAction {
    /** Delete or update the referencing rows too. */
    CASCADE("CASCADE"),
    /** Set the referencing columns to null. */
    SET_NULL("SET NULL"),
    /** Set the referencing columns to their defaults. */
    SET_DEFAULT("SET DEFAULT"),
    /** Refuse at once. */
    RESTRICT("RESTRICT"),
    /** Refuse (at the end of the statement, or of the transaction when deferred). */
    NO_ACTION("NO ACTION");

    private final String sql;

    ReferentialAction(String sql) {
        this.sql = sql;
    }

    /** The SQL words, e.g. {@code SET NULL}. */
    public String sql() {
        return sql;
    }
}
