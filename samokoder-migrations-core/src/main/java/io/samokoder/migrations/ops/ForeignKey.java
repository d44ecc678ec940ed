package io.samokoder.migrations.ops;

import java.util.List;

/**
 * A foreign key, e.g.
 * {@code ForeignKey.from("user_id").references("users", "id").onDelete(ReferentialAction.CASCADE)}.
 *
 * @param name              the constraint name, or null for the naming convention's {@code fk}
 * @param columns           the referencing columns
 * @param referredTable     the referenced table
 * @param referredColumns   the referenced columns, as many as {@code columns}
 * @param onDelete          the action on delete, or null for the database's default
 * @param onUpdate          the action on update, or null for the database's default
 * @param isNotValid        whether existing rows are left unchecked (PostgreSQL's {@code NOT VALID})
 */
public record ForeignKey(String name, List<String> columns, String referredTable, List<String> referredColumns,
        ReferentialAction onDelete, ReferentialAction onUpdate, boolean isNotValid) implements Constraint {

    /** Checks the columns match the referenced ones. */
    public ForeignKey {
        columns = List.copyOf(columns);
        referredColumns = List.copyOf(referredColumns);
        Names.require(referredTable, "The referenced table of a foreign key");
        if (columns.isEmpty() || columns.size() != referredColumns.size()) {
            throw new IllegalArgumentException("Foreign key " + columns + " -> " + referredTable + referredColumns
                    + " needs at least one column and as many referenced columns as referencing ones");
        }
    }

    /** Starts a foreign key on these referencing columns. */
    public static Columns from(String... columns) {
        return new Columns(Names.columns(columns, "A foreign key"));
    }

    /** The referencing columns of a foreign key being built; {@link #references} completes it. */
    public static final class Columns {

        private final List<String> columns;

        private Columns(List<String> columns) {
            this.columns = columns;
        }

        /** The foreign key referencing these columns of that table. */
        public ForeignKey references(String table, String... referredColumns) {
            return new ForeignKey(null, columns, table,
                    Names.columns(referredColumns, "The referenced side of a foreign key"), null, null, false);
        }
    }

    @Override
    public ForeignKey named(String constraintName) {
        return new ForeignKey(constraintName, columns, referredTable, referredColumns, onDelete, onUpdate, isNotValid);
    }

    /** This foreign key with an action on delete. */
    public ForeignKey onDelete(ReferentialAction action) {
        return new ForeignKey(name, columns, referredTable, referredColumns, action, onUpdate, isNotValid);
    }

    /** This foreign key with an action on update. */
    public ForeignKey onUpdate(ReferentialAction action) {
        return new ForeignKey(name, columns, referredTable, referredColumns, onDelete, action, isNotValid);
    }

    /** This foreign key added without checking existing rows (PostgreSQL only; validate it later). */
    public ForeignKey notValid() {
        return new ForeignKey(name, columns, referredTable, referredColumns, onDelete, onUpdate, true);
    }

    @Override
    public ConstraintKind kind() {
        return ConstraintKind.FOREIGN_KEY;
    }
}
