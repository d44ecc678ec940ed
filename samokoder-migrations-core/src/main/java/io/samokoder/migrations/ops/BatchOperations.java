package io.samokoder.migrations.ops;

import java.util.function.Consumer;

/** The changes of one table collected by {@link Operations#batchAlterTable}, in call order. */
public interface BatchOperations {

    /** Adds a column. */
    BatchOperations addColumn(Column column);

    /** Drops a column. */
    BatchOperations dropColumn(String column);

    /** Changes a column; see {@link Operations#alterColumn}. */
    BatchOperations alterColumn(String column, Consumer<ColumnChange> change);

    /** Adds a foreign key. */
    BatchOperations createForeignKey(ForeignKey foreignKey);

    /** Adds a unique constraint. */
    BatchOperations createUniqueConstraint(Unique unique);

    /** Adds a check constraint. */
    BatchOperations createCheckConstraint(Check check);

    /** Adds a primary key. */
    BatchOperations createPrimaryKey(PrimaryKey primaryKey);

    /** Drops a constraint of this name and kind. */
    BatchOperations dropConstraint(String name, ConstraintKind kind);
}
