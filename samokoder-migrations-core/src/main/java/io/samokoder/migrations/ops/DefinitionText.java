package io.samokoder.migrations.ops;

import java.util.List;
import java.util.Set;

/**
 * The text of definitions for a {@link SqlOperationRenderer}, through its hooks: {@code CREATE TABLE}
 * with its column and constraint definitions, and {@code CREATE INDEX}. Each statement is written into
 * one builder ({@link TextBuffer}), so that rendering allocates the finished text, not a string
 * per column and constraint then copied.
 */
final class DefinitionText {

    private DefinitionText() {
    }

    /**
     * Adds the enum types' statements, the {@code CREATE TABLE} and its comments' statements. An enum type
     * is created once: not when it exists already ({@link Type#existing()}) or its name is in
     * {@code enumTypesCreated} (created earlier in the revision), to which the types created here are added.
     */
    static void createTable(SqlOperationRenderer r, Operation.CreateTable t, List<String> out,
            Set<String> enumTypesCreated) {
        List<Column> columns = t.columns();
        List<Constraint> constraints = t.constraints();
        for (int i = 0; i < columns.size(); i++) {
            Type type = columns.get(i).type();
            if (type.kind() == TypeKind.ENUM && type.createType() && enumTypesCreated.add(type.enumName())) {
                out.addAll(r.createEnumType(type));
            }
        }
        try (TextBuffer buffer = TextBuffer.take()) {
            StringBuilder sql = buffer.text().append("CREATE TABLE ").append(r.identifier(t.table()))
                    .append(" (\n    ");
            String separator = "";
            for (int i = 0; i < columns.size(); i++) {
                column(r, sql.append(separator), t.table(), columns.get(i));
                separator = ",\n    ";
            }
            for (int i = 0; i < constraints.size(); i++) {
                constraint(r, sql.append(separator), t.table(), constraints.get(i));
            }
            out.add(sql.append("\n)").append(r.tableOptions(t.comment())).toString());
        }
        if (!r.inlineComments()) {
            if (t.comment() != null) {
                out.add(r.tableComment(t.table(), t.comment()));
            }
            for (int i = 0; i < columns.size(); i++) {
                Column c = columns.get(i);
                if (c.comment() != null) {
                    out.add(r.columnComment(t.table(), c.name(), c.comment()));
                }
            }
        }
    }

    /** Appends a column's definition: name, type, identity, default, nullability and (inline) comment. */
    static StringBuilder column(SqlOperationRenderer r, StringBuilder sql, String table, Column c) {
        sql.append(r.identifier(c.name())).append(' ').append(r.sqlType(c.type(), table, c.name()));
        if (c.isAutoincrement()) {
            sql.append(' ').append(r.identityClause());
        }
        if (c.serverDefault() != null) {
            sql.append(" DEFAULT ").append(c.serverDefault());
        }
        sql.append(r.nullability(c.type(), c.nullable()));
        if (r.inlineComments() && c.comment() != null) {
            sql.append(" COMMENT ").append(r.stringLiteral(c.comment()));
        }
        return sql;
    }

    /** Appends a constraint's definition, e.g. {@code CONSTRAINT uq_users_email UNIQUE (email)}. */
    static StringBuilder constraint(SqlOperationRenderer r, StringBuilder sql, String table, Constraint c) {
        if (c.name() != null) {
            sql.append("CONSTRAINT ").append(r.constraintName(c.name())).append(' ');
        }
        if (c instanceof Check ck) {
            sql.append("CHECK (").append(ck.condition()).append(')');
            return ck.isNotValid() ? sql.append(r.notValid(table, ck)) : sql;
        } else if (c instanceof ForeignKey fk) {
            return foreignKey(r, sql, table, fk);
        }
        return columns(r, sql.append(c instanceof PrimaryKey ? "PRIMARY KEY (" : "UNIQUE ("), c.columns()).append(')');
    }

    private static StringBuilder foreignKey(SqlOperationRenderer r, StringBuilder sql, String table, ForeignKey fk) {
        columns(r, sql.append("FOREIGN KEY ("), fk.columns()).append(") REFERENCES ")
                .append(r.identifier(fk.referredTable())).append(" (");
        columns(r, sql, fk.referredColumns()).append(')');
        if (fk.onDelete() != null) {
            sql.append(" ON DELETE ").append(fk.onDelete().sql());
        }
        if (fk.onUpdate() != null) {
            sql.append(" ON UPDATE ").append(fk.onUpdate().sql());
        }
        if (fk.isNotValid()) {
            sql.append(r.notValid(table, fk));
        }
        return sql;
    }

    /**
     * {@code CREATE [UNIQUE] INDEX [CONCURRENTLY] name ON t (column, (expression), ...) [WHERE condition]},
     * after the renderer's {@link SqlOperationRenderer#checkIndex check}.
     */
    static String createIndex(SqlOperationRenderer r, Index index) {
        r.checkIndex(index);
        try (TextBuffer buffer = TextBuffer.take()) {
            StringBuilder sql = buffer.text().append(index.isUnique() ? "CREATE UNIQUE INDEX " : "CREATE INDEX ");
            if (index.isConcurrent()) {
                sql.append("CONCURRENTLY ");
            }
            sql.append(r.constraintName(index.name())).append(" ON ").append(r.identifier(index.table())).append(" (");
            List<IndexElement> elements = index.elements();
            for (int i = 0; i < elements.size(); i++) {
                IndexElement e = elements.get(i);
                if (i > 0) {
                    sql.append(", ");
                }
                if (e.expression()) {
                    sql.append('(').append(e.text()).append(')');
                } else {
                    sql.append(r.identifier(e.text()));
                }
            }
            sql.append(')');
            if (index.where() != null) {
                sql.append(" WHERE ").append(index.where());
            }
            return sql.toString();
        }
    }

    /** Appends the names as a comma-separated list of identifiers. */
    private static StringBuilder columns(SqlOperationRenderer r, StringBuilder sql, List<String> names) {
        for (int i = 0; i < names.size(); i++) {
            if (i > 0) {
                sql.append(", ");
            }
            sql.append(r.identifier(names.get(i)));
        }
        return sql;
    }
}
