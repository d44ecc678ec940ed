package io.samokoder.migrations.ops;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Locale;

/**
 * The shared rendering of operations as SQL statements; a database's renderer overrides the hooks where
 * its SQL differs (types, column changes, which indexes it can create, dropping constraints and indexes,
 * comments; names and literals through {@link SqlText}). Table and index definitions are written by
 * {@code DefinitionText}. Subclasses are stateless and thread-safe.
 */
public abstract class SqlOperationRenderer extends SqlText implements OperationRenderer {

    /** For subclasses. */
    protected SqlOperationRenderer() {
    }

    /**
     * The column type's SQL.
     *
     * @throws OperationNotSupportedException when the database has no such type, naming table and column
     */
    protected abstract String sqlType(Type type, String table, String column);

    @Override
    public final String typeSql(Type type, String table, String column) {
        return sqlType(type, table, column);
    }

    /** The actions and statements of a column change. */
    protected abstract AlterActions alterColumn(Operation.AlterColumn change);

    @Override
    public final List<String> render(Operation operation) {
        if (operation instanceof Operation.CreateTable t) {
            List<String> out = new ArrayList<>(2);
            DefinitionText.createTable(this, t, out, new HashSet<>(2));
            return out;
        } else if (operation instanceof Operation.DropTable t) {
            return List.of("DROP TABLE " + identifier(t.table()));
        } else if (operation instanceof Operation.CreateTableComment t) {
            return List.of(tableComment(t.table(), t.comment()));
        } else if (operation instanceof Operation.DropTableComment t) {
            return List.of(tableComment(t.table(), null));
        } else if (operation instanceof Operation.RenameTable t) {
            return List.of(renameTable(t.table(), t.newName()));
        } else if (operation instanceof Operation.CreateIndex i) {
            return List.of(DefinitionText.createIndex(this, i.index()));
        } else if (operation instanceof Operation.DropIndex i) {
            return dropIndex(i);
        } else if (operation instanceof Operation.ValidateConstraint v) {
            return validateConstraint(v);
        } else if (operation instanceof Operation.CreateEnumType e) {
            return createEnumType(e.type());
        } else if (operation instanceof Operation.DropEnumType e) {
            return dropEnumType(e.name());
        } else if (operation instanceof Operation.CreateSequence q) {
            return createSequence(q);
        } else if (operation instanceof Operation.DropSequence q) {
            return dropSequence(q);
        } else if (operation instanceof Operation.Execute e) {
            return List.of(DataStatements.execute(e, this));
        } else if (operation instanceof Operation.BulkInsert b) {
            return DataStatements.bulkInsert(b, this);
        } else if (operation instanceof Operation.BatchAlterTable b) {
            return alterTable(b.table(), b.operations());
        }
        return alterTable(operation.table(), List.of(operation));
    }

    /**
     * Adds the operation's statements, those of {@link #render(Operation)}, to {@code out}; the
     * commonest operations without a list of their own.
     */
    @Override
    public final void renderInto(Operation operation, List<String> out) {
        renderInto(operation, out, new HashSet<>(2));
    }

    @Override
    public final void renderInto(Operation operation, List<String> out, Set<String> enumTypesCreated) {
        if (operation instanceof Operation.CreateTable t) {
            DefinitionText.createTable(this, t, out, enumTypesCreated);
        } else if (operation instanceof Operation.CreateEnumType e) {
            out.addAll(createEnumType(e.type()));
            enumTypesCreated.add(e.type().enumName());
        } else if (operation instanceof Operation.DropEnumType e) {
            out.addAll(dropEnumType(e.name()));
            enumTypesCreated.remove(e.name());
        } else if (operation instanceof Operation.CreateIndex i) {
            out.add(DefinitionText.createIndex(this, i.index()));
        } else if (operation instanceof Operation.Execute e) {
            out.add(DataStatements.execute(e, this));
        } else {
            List<String> statements = render(operation);
            for (int i = 0; i < statements.size(); i++) {
                out.add(statements.get(i));
            }
        }
    }

    /**
     * The statements of one or more changes of a table, in the order given: where the database allows
     * it, consecutive actions share one ALTER TABLE. A change's statements before and after its
     * actions (a comment, a rename, an index dropped with a foreign key) end the shared statement, so
     * that each runs where its change stands; so do a rename, whose new name later changes may use
     * (MariaDB resolves every action of one ALTER TABLE against the table as it was), and a foreign key
     * added after one was dropped (InnoDB refuses both under one name in one statement).
     */
    private List<String> alterTable(String table, List<Operation> changes) {
        List<String> out = new ArrayList<>();
        List<String> shared = new ArrayList<>();
        String prefix = "ALTER TABLE " + identifier(table) + " ";
        boolean droppedForeignKey = false;
        for (Operation change : changes) {
            AlterActions part = actions(change);
            boolean addsForeignKey = change instanceof Operation.AddConstraint a
                    && a.constraint() instanceof ForeignKey;
            if (!part.before().isEmpty() || (addsForeignKey && droppedForeignKey)) {
                flush(prefix, shared, out);
                droppedForeignKey = false;
            }
            out.addAll(part.before());
            for (String action : part.actions()) {
                if (combinesAlterActions()) {
                    shared.add(action);
                } else {
                    out.add(prefix + action);
                }
            }
            droppedForeignKey |= change instanceof Operation.DropConstraint d && d.kind() == ConstraintKind.FOREIGN_KEY;
            boolean renames = change instanceof Operation.AlterColumn a && a.newName() != null;
            if (!part.after().isEmpty() || renames) {
                flush(prefix, shared, out);
                droppedForeignKey = false;
                out.addAll(part.after());
            }
        }
        flush(prefix, shared, out);
        return out;
    }

    /** Adds the ALTER TABLE of the shared actions, if any, and clears them. */
    private static void flush(String prefix, List<String> shared, List<String> out) {
        if (!shared.isEmpty()) {
            out.add(prefix + String.join(", ", shared));
            shared.clear();
        }
    }

    private AlterActions actions(Operation operation) {
        if (operation instanceof Operation.AddColumn a) {
            return addColumn(a);
        } else if (operation instanceof Operation.DropColumn d) {
            return AlterActions.of("DROP COLUMN " + identifier(d.column()));
        } else if (operation instanceof Operation.AlterColumn a) {
            return alterColumn(a);
        } else if (operation instanceof Operation.AddConstraint a) {
            return AlterActions.of(DefinitionText.constraint(this, new StringBuilder("ADD "), a.table(), a.constraint())
                    .toString());
        } else if (operation instanceof Operation.DropConstraint d) {
            return new AlterActions(List.of(), List.of(dropConstraint(d)), afterDropConstraint(d));
        }
        throw new IllegalArgumentException("Not a change of a table: " + operation);
    }

    /** Whether one ALTER TABLE may carry several comma-separated actions ({@code true} by default). */
    protected boolean combinesAlterActions() {
        return true;
    }

    // ---- tables and columns

    /** What follows {@code CREATE TABLE t (...)}; nothing by default (MariaDB puts the comment there). */
    protected String tableOptions(String comment) {
        return "";
    }

    /** Whether comments are part of column definitions ({@code COMMENT '...'}) rather than statements. */
    protected boolean inlineComments() {
        return false;
    }

    /** {@code COMMENT ON TABLE t IS '...'} (or {@code IS NULL} to remove it). */
    protected String tableComment(String table, String comment) {
        return "COMMENT ON TABLE " + identifier(table) + " IS " + (comment == null ? "NULL" : stringLiteral(comment));
    }

    /** {@code COMMENT ON COLUMN t.c IS '...'} (or {@code IS NULL} to drop it). */
    protected String columnComment(String table, String column, String comment) {
        return "COMMENT ON COLUMN " + identifier(table) + "." + identifier(column) + " IS "
                + (comment == null ? "NULL" : stringLiteral(comment));
    }

    /** {@code ALTER TABLE a RENAME TO b}. */
    protected String renameTable(String table, String newName) {
        return "ALTER TABLE " + identifier(table) + " RENAME TO " + identifier(newName);
    }

    /** {@code " NOT NULL"}, or nothing for a nullable column by default. */
    protected String nullability(Type type, boolean nullable) {
        return nullable ? "" : " NOT NULL";
    }

    /** How a column gets generated values; {@code GENERATED BY DEFAULT AS IDENTITY} by default. */
    protected String identityClause() {
        return "GENERATED BY DEFAULT AS IDENTITY";
    }

    private AlterActions addColumn(Operation.AddColumn a) {
        List<String> after = !inlineComments() && a.column().comment() != null
                ? List.of(columnComment(a.table(), a.column().name(), a.column().comment())) : List.of();
        String action = DefinitionText.column(this, new StringBuilder("ADD COLUMN "), a.table(), a.column()).toString();
        return new AlterActions(List.of(), List.of(action), after);
    }

    /**
     * The standard column change: {@code ALTER COLUMN c SET DATA TYPE / SET|DROP NOT NULL / SET|DROP DEFAULT},
     * then the comment and the rename as statements of their own (see {@link #renameColumn}).
     */
    protected final AlterActions standardAlterColumn(Operation.AlterColumn a) {
        List<String> actions = new ArrayList<>();
        String column = "ALTER COLUMN " + identifier(a.column()) + " ";
        if (a.type() != null) {
            actions.add(column + "SET DATA TYPE " + sqlType(a.type(), a.table(), a.column()) + using(a));
        }
        if (a.nullable() != null) {
            actions.add(column + (a.nullable() ? "DROP NOT NULL" : "SET NOT NULL"));
        }
        if (a.serverDefault() != null) {
            actions.add(column + "SET DEFAULT " + a.serverDefault());
        } else if (a.dropServerDefault()) {
            actions.add(column + "DROP DEFAULT");
        }
        List<String> after = new ArrayList<>();
        String name = a.column();
        if (a.newName() != null) {
            after.add(renameColumn(a.table(), a.column(), a.newName()));
            name = a.newName();
        }
        if (a.comment() != null || a.dropComment()) {
            after.add(columnComment(a.table(), name, a.comment()));
        }
        return new AlterActions(List.of(), actions, after);
    }

    /** What converts the old values in a type change ({@code " USING ..."}); unsupported by default. */
    protected String using(Operation.AlterColumn a) {
        if (a.using() == null) {
            return "";
        }
        throw new OperationNotSupportedException("alterColumn(" + a.table() + "." + a.column() + ") has using("
                + a.using() + "), which is PostgreSQL's; " + databaseName() + " converts the values itself, leave"
                + " using out");
    }

    /** {@code ALTER TABLE t RENAME COLUMN a TO b}. */
    protected String renameColumn(String table, String column, String newName) {
        return "ALTER TABLE " + identifier(table) + " RENAME COLUMN " + identifier(column) + " TO "
                + identifier(newName);
    }

    // ---- constraints

    /** What makes a foreign key or check constraint skip existing rows; unsupported by default. */
    protected String notValid(String table, Constraint constraint) {
        String what = constraint instanceof ForeignKey ? "Foreign key " : "Check constraint ";
        throw new OperationNotSupportedException(what + constraint.name() + " on " + table + " is notValid(), which "
                + databaseName() + " does not have (it is PostgreSQL's NOT VALID); drop notValid()");
    }

    /** The action dropping a constraint: {@code DROP CONSTRAINT name} by default. */
    protected String dropConstraint(Operation.DropConstraint d) {
        return "DROP CONSTRAINT " + constraintName(d.name());
    }

    /** Statements to run after a constraint is dropped; none by default. */
    protected List<String> afterDropConstraint(Operation.DropConstraint d) {
        return List.of();
    }

    /** Validating a constraint added without checking existing rows; PostgreSQL only by default. */
    protected List<String> validateConstraint(Operation.ValidateConstraint v) {
        throw new OperationNotSupportedException("validateConstraint(" + v.name() + ", " + v.table() + "): "
                + databaseName() + " has no VALIDATE CONSTRAINT (it is PostgreSQL's); leave it out for "
                + databaseName());
    }

    // ---- indexes and types

    /** Fails for an index the database cannot create; by default partial, concurrent and expression indexes. */
    protected void checkIndex(Index index) {
        if (index.where() != null) {
            throw new OperationNotSupportedException(what(index) + " is partial (where " + index.where() + "), which "
                    + databaseName() + " does not have; drop the where condition for " + databaseName());
        }
        if (index.isConcurrent()) {
            throw new OperationNotSupportedException(what(index) + " is built concurrently, which is PostgreSQL's; "
                    + databaseName() + " builds it without concurrently()");
        }
        if (SqlNames.hasExpression(index)) {
            throw new OperationNotSupportedException(what(index) + " has an expression, which " + databaseName()
                    + " cannot index; index a generated column instead");
        }
    }

    private static String what(Index index) {
        return "Index " + index.name() + " on " + index.table();
    }

    /** {@code DROP INDEX name}; concurrently fails by default. */
    protected List<String> dropIndex(Operation.DropIndex d) {
        if (d.concurrently()) {
            throw new OperationNotSupportedException("dropIndexConcurrently(" + d.name() + ", " + d.table() + "): "
                    + databaseName() + " has no DROP INDEX CONCURRENTLY; use dropIndex");
        }
        return List.of("DROP INDEX " + constraintName(d.name()));
    }

    /** The statements creating an enum type; none by default (enums are inline). */
    protected List<String> createEnumType(Type enumType) {
        return List.of();
    }

    /** The statements dropping an enum type; none by default. */
    protected List<String> dropEnumType(String name) {
        return List.of();
    }

    /** {@code CREATE SEQUENCE name START WITH s INCREMENT BY i}. */
    protected List<String> createSequence(Operation.CreateSequence s) {
        return List.of("CREATE SEQUENCE " + identifier(s.name()) + " START WITH " + s.start() + " INCREMENT BY "
                + s.increment());
    }

    /** {@code DROP SEQUENCE name}. */
    protected List<String> dropSequence(Operation.DropSequence s) {
        return List.of("DROP SEQUENCE " + identifier(s.name()));
    }

    /** The error for a type the database cannot hold, naming it, the column and what to use instead. */
    protected final OperationNotSupportedException unsupportedType(Type type, String table, String column,
            String instead) {
        return new OperationNotSupportedException("Column " + table + "." + column + " is of type "
                + type.kind().name().toLowerCase(Locale.ROOT) + ", which " + databaseName() + " does not have; "
                + instead);
    }
}
