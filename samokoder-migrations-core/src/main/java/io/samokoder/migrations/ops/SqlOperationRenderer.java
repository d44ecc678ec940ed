package io.samokoder.migrations.ops;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The shared rendering of operations as SQL statements; a database's renderer overrides the hooks where
 * its SQL differs (types, column changes, dropping constraints and indexes, comments; names and literals
 * through {@link SqlText}).
 * Subclasses are stateless and thread-safe.
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
            return createTable(t);
        } else if (operation instanceof Operation.DropTable t) {
            return List.of("DROP TABLE " + identifier(t.table()));
        } else if (operation instanceof Operation.CreateTableComment t) {
            return List.of(tableComment(t.table(), t.comment()));
        } else if (operation instanceof Operation.DropTableComment t) {
            return List.of(tableComment(t.table(), null));
        } else if (operation instanceof Operation.RenameTable t) {
            return List.of(renameTable(t.table(), t.newName()));
        } else if (operation instanceof Operation.CreateIndex i) {
            return createIndex(i.index());
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
            return List.of(DataStatements.execute(e, this::literal));
        } else if (operation instanceof Operation.BulkInsert b) {
            return DataStatements.bulkInsert(b, this);
        } else if (operation instanceof Operation.BatchAlterTable b) {
            List<AlterActions> parts = new ArrayList<>(b.operations().size());
            for (Operation change : b.operations()) {
                parts.add(actions(change));
            }
            return alterTable(b.table(), parts);
        }
        return alterTable(operation.table(), List.of(actions(operation)));
    }

    /** The statements of one or more table changes: together in one ALTER TABLE where allowed. */
    private List<String> alterTable(String table, List<AlterActions> parts) {
        List<String> out = new ArrayList<>();
        List<String> actions = new ArrayList<>();
        for (AlterActions part : parts) {
            out.addAll(part.before());
            actions.addAll(part.actions());
        }
        String prefix = "ALTER TABLE " + identifier(table) + " ";
        if (!actions.isEmpty() && combinesAlterActions()) {
            out.add(prefix + String.join(", ", actions));
        } else {
            for (String action : actions) {
                out.add(prefix + action);
            }
        }
        for (AlterActions part : parts) {
            out.addAll(part.after());
        }
        return out;
    }

    private AlterActions actions(Operation operation) {
        if (operation instanceof Operation.AddColumn a) {
            return addColumn(a);
        } else if (operation instanceof Operation.DropColumn d) {
            return AlterActions.of("DROP COLUMN " + identifier(d.column()));
        } else if (operation instanceof Operation.AlterColumn a) {
            return alterColumn(a);
        } else if (operation instanceof Operation.AddConstraint a) {
            return AlterActions.of("ADD " + constraint(a.table(), a.constraint()));
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

    private List<String> createTable(Operation.CreateTable t) {
        List<String> out = new ArrayList<>(2);
        List<Type> enums = null;
        for (Column c : t.columns()) {
            if (c.type().kind() == TypeKind.ENUM && (enums == null || !enums.contains(c.type()))) {
                if (enums == null) {
                    enums = new ArrayList<>(2);
                }
                enums.add(c.type());
                out.addAll(createEnumType(c.type()));
            }
        }
        StringBuilder sql = new StringBuilder(64 + 40 * (t.columns().size() + t.constraints().size()))
                .append("CREATE TABLE ").append(identifier(t.table())).append(" (\n    ");
        String separator = "";
        for (Column c : t.columns()) {
            sql.append(separator).append(columnDefinition(t.table(), c));
            separator = ",\n    ";
        }
        for (Constraint c : t.constraints()) {
            sql.append(separator).append(constraint(t.table(), c));
        }
        out.add(sql.append("\n)").append(tableOptions(t.comment())).toString());
        if (!inlineComments()) {
            if (t.comment() != null) {
                out.add(tableComment(t.table(), t.comment()));
            }
            for (Column c : t.columns()) {
                if (c.comment() != null) {
                    out.add(columnComment(t.table(), c.name(), c.comment()));
                }
            }
        }
        return out;
    }

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

    /** A column's definition: name, type, identity, default, nullability and (inline) comment. */
    protected String columnDefinition(String table, Column c) {
        StringBuilder sql = new StringBuilder(identifier(c.name())).append(' ')
                .append(sqlType(c.type(), table, c.name()));
        if (c.isAutoincrement()) {
            sql.append(' ').append(identityClause());
        }
        if (c.serverDefault() != null) {
            sql.append(" DEFAULT ").append(c.serverDefault());
        }
        sql.append(nullability(c.type(), c.nullable()));
        if (inlineComments() && c.comment() != null) {
            sql.append(" COMMENT ").append(stringLiteral(c.comment()));
        }
        return sql.toString();
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
        return new AlterActions(List.of(), List.of("ADD COLUMN " + columnDefinition(a.table(), a.column())), after);
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

    /** A constraint's definition, e.g. {@code CONSTRAINT uq_users_email UNIQUE (email)}. */
    protected String constraint(String table, Constraint c) {
        String prefix = c.name() == null ? "" : "CONSTRAINT " + identifier(c.name()) + " ";
        if (c instanceof Check ck) {
            return prefix + "CHECK (" + ck.condition() + ")";
        } else if (c instanceof ForeignKey fk) {
            return prefix + foreignKey(table, fk);
        }
        return prefix + (c instanceof PrimaryKey ? "PRIMARY KEY (" : "UNIQUE (") + columns(c.columns()) + ")";
    }

    private String foreignKey(String table, ForeignKey fk) {
        StringBuilder sql = new StringBuilder("FOREIGN KEY (").append(columns(fk.columns())).append(") REFERENCES ")
                .append(identifier(fk.referredTable())).append(" (").append(columns(fk.referredColumns())).append(')');
        if (fk.onDelete() != null) {
            sql.append(" ON DELETE ").append(fk.onDelete().sql());
        }
        if (fk.onUpdate() != null) {
            sql.append(" ON UPDATE ").append(fk.onUpdate().sql());
        }
        if (fk.isNotValid()) {
            sql.append(notValid(table, fk));
        }
        return sql.toString();
    }

    /** What makes a foreign key skip existing rows; unsupported by default. */
    protected String notValid(String table, ForeignKey fk) {
        throw new OperationNotSupportedException("Foreign key " + fk.name() + " on " + table + " is notValid(), which "
                + databaseName() + " does not have (it is PostgreSQL's NOT VALID); drop notValid()");
    }

    /** The action dropping a constraint: {@code DROP CONSTRAINT name} by default. */
    protected String dropConstraint(Operation.DropConstraint d) {
        return "DROP CONSTRAINT " + identifier(d.name());
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

    /** {@code CREATE [UNIQUE] INDEX name ON t (...)}; partial, expression and concurrent indexes fail by default. */
    protected List<String> createIndex(Index index) {
        String what = "Index " + index.name() + " on " + index.table();
        if (index.where() != null) {
            throw new OperationNotSupportedException(what + " is partial (where " + index.where() + "), which "
                    + databaseName() + " does not have; drop the where condition for " + databaseName());
        }
        if (index.isConcurrent()) {
            throw new OperationNotSupportedException(what + " is built concurrently, which is PostgreSQL's; "
                    + databaseName() + " builds it without concurrently()");
        }
        if (SqlNames.hasExpression(index)) {
            throw new OperationNotSupportedException(what + " has an expression, which " + databaseName()
                    + " cannot index; index a generated column instead");
        }
        return List.of("CREATE " + (index.isUnique() ? "UNIQUE " : "") + "INDEX " + identifier(index.name()) + " ON "
                + identifier(index.table()) + " (" + columns(index.columnNames()) + ")");
    }

    /** {@code DROP INDEX name}; concurrently fails by default. */
    protected List<String> dropIndex(Operation.DropIndex d) {
        if (d.concurrently()) {
            throw new OperationNotSupportedException("dropIndexConcurrently(" + d.name() + ", " + d.table() + "): "
                    + databaseName() + " has no DROP INDEX CONCURRENTLY; use dropIndex");
        }
        return List.of("DROP INDEX " + identifier(d.name()));
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
