package io.samokoder.migrations.schema;

import io.samokoder.migrations.ops.Column;
import io.samokoder.migrations.ops.Operation;
import io.samokoder.migrations.ops.Type;
import io.samokoder.migrations.ops.TypeKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The column changes of a table in both schemas: columns added and removed, and type, nullability, server
 * default and comment changes. Each change of a column is its own {@code AlterColumn}, whose existing values
 * are the column as the changes before it left it, so that MariaDB's restated columns stay right (with
 * {@code AUTO_INCREMENT} when the database's column has it).
 */
final class ColumnComparer {

    private final CompareOptions options;
    private final List<SchemaChange> changes;
    private final List<String> notes;

    private final Set<String> enumTypes;

    /**
     * A comparer adding to these changes and notes.
     *
     * @param enumTypes the enum types that exist or are created with a new table; an added column of another
     *                  enum type creates it first (PostgreSQL's {@code CREATE TYPE}), and the type is added here
     */
    ColumnComparer(CompareOptions options, List<SchemaChange> changes, List<String> notes, Set<String> enumTypes) {
        this.options = options;
        this.changes = changes;
        this.notes = notes;
        this.enumTypes = enumTypes;
    }

    void compare(SchemaTable model, SchemaTable database) {
        String table = model.name();
        List<String> added = new ArrayList<>();
        for (Column column : model.columns()) {
            if (database.column(column.name()).isEmpty()) {
                added.add(column.name());
                List<Operation> upgrade = new ArrayList<>();
                List<Operation> downgrade = new ArrayList<>();
                if (column.type().kind() == TypeKind.ENUM && enumTypes.add(column.type().enumName())) {
                    upgrade.add(new Operation.CreateEnumType(column.type()));
                    downgrade.add(new Operation.DropEnumType(column.type().enumName()));
                }
                upgrade.add(new Operation.AddColumn(table, column));
                downgrade.add(0, new Operation.DropColumn(table, column.name()));
                changes.add(new SchemaChange("add_column", "Detected added column '" + table + "." + column.name() + "'",
                        Texts.tuple("add_column", Texts.repr(table), Texts.repr(column.name())), upgrade, downgrade));
            }
        }
        for (Column column : model.columns()) {
            database.column(column.name()).ifPresent(existing -> modify(table, existing, column));
        }
        List<String> removed = new ArrayList<>();
        for (Column column : database.columns()) {
            if (model.column(column.name()).isEmpty()) {
                removed.add(column.name());
                changes.add(new SchemaChange("remove_column", "Detected removed column '" + table + "." + column.name()
                        + "'", Texts.tuple("remove_column", Texts.repr(table), Texts.repr(column.name())),
                        List.of(new Operation.DropColumn(table, column.name())),
                        List.of(new Operation.AddColumn(table, column))));
            }
        }
        if (!added.isEmpty() && !removed.isEmpty()) {
            notes.add("Table '" + table + "': column " + String.join(", ", removed.stream().map(Texts::repr).toList())
                    + " removed and " + String.join(", ", added.stream().map(Texts::repr).toList()) + " added. A"
                    + " renamed column is seen as a drop and an add, which loses its data; if it is a rename, write"
                    + " op.alterColumn(\"" + table + "\", \"" + removed.get(0) + "\", c -> c.rename(\"" + added.get(0)
                    + "\")) instead of the drop and the add.");
        }
    }

    private void modify(String table, Column database, Column model) {
        String where = "'" + table + "." + model.name() + "'";
        Column current = database;
        if (options.compareTypes() && !sameType(database.type(), model.type())) {
            Column next = with(current, model.type(), current.nullable(), current.serverDefault(), current.comment());
            String from = options.typeSql().apply(database.type());
            String to = options.typeSql().apply(model.type());
            add(table, "modify_type", "Detected type change from " + from + " to " + to + " on " + where,
                    Texts.tuple("modify_type", Texts.repr(table), Texts.repr(model.name()), Texts.repr(from),
                            Texts.repr(to)), current, next);
            current = next;
        }
        if (database.nullable() != model.nullable()) {
            Column next = with(current, current.type(), model.nullable(), current.serverDefault(), current.comment());
            add(table, "modify_nullable", "Detected " + (model.nullable() ? "NULL" : "NOT NULL") + " on column " + where,
                    Texts.tuple("modify_nullable", Texts.repr(table), Texts.repr(model.name()),
                            Texts.repr(database.nullable()), Texts.repr(model.nullable())), current, next);
            current = next;
        }
        if (options.compareServerDefaults() && !database.isAutoincrement() && !model.isAutoincrement()
                && !sameDefault(model.type(), database.serverDefault(), model.serverDefault())) {
            Column next = with(current, current.type(), current.nullable(), model.serverDefault(), current.comment());
            add(table, "modify_default", "Detected " + (model.serverDefault() == null ? "removed " : "") + "server default on"
                    + " column " + where, Texts.tuple("modify_default", Texts.repr(table), Texts.repr(model.name()),
                    Texts.repr(database.serverDefault()), Texts.repr(model.serverDefault())), current, next);
            current = next;
        }
        if (!Objects.equals(database.comment(), model.comment())) {
            Column next = with(current, current.type(), current.nullable(), current.serverDefault(), model.comment());
            add(table, "modify_comment", "Detected column comment " + where, Texts.tuple("modify_comment", Texts.repr(table),
                    Texts.repr(model.name()), Texts.repr(database.comment()), Texts.repr(model.comment())), current, next);
        }
    }

    private boolean sameType(Type database, Type model) {
        return database.equals(model) || Texts.type(options.typeSql().apply(database))
                .equals(Texts.type(options.typeSql().apply(model)));
    }

    private void add(String table, String kind, String message, String tuple, Column from, Column to) {
        changes.add(new SchemaChange(kind, message, tuple, List.of(alter(table, from, to)),
                List.of(alter(table, to, from))));
    }

    private static Column with(Column c, Type type, boolean nullable, String serverDefault, String comment) {
        return new Column(c.name(), type, nullable, false, false, c.isAutoincrement(), serverDefault, comment);
    }

    /** The change from one state of a column to the next, with the first state as the existing values. */
    private static Operation.AlterColumn alter(String table, Column from, Column to) {
        Type type = from.type().equals(to.type()) ? null : to.type();
        Boolean nullable = from.nullable() == to.nullable() ? null : to.nullable();
        boolean defaultChanged = !Objects.equals(from.serverDefault(), to.serverDefault());
        boolean commentChanged = !Objects.equals(from.comment(), to.comment());
        return new Operation.AlterColumn(table, from.name(), type, null, nullable,
                defaultChanged ? to.serverDefault() : null, defaultChanged && to.serverDefault() == null, null,
                commentChanged ? to.comment() : null, commentChanged && to.comment() == null, from.type(),
                from.nullable(), from.serverDefault(), from.comment(), from.isAutoincrement());
    }

    /**
     * Whether two defaults are the same: as text, or {@code CURRENT_TIMESTAMP} and
     * {@code CURRENT_TIMESTAMP(6)} on a timestamp column, whose precision is 6 as every dialect renders
     * it (MariaDB shows the first as the second).
     */
    private static boolean sameDefault(Type type, String database, String model) {
        String a = Texts.serverDefault(database);
        String b = Texts.serverDefault(model);
        if (Objects.equals(a, b)) {
            return true;
        }
        if (a == null || b == null
                || (type.kind() != TypeKind.TIMESTAMP && type.kind() != TypeKind.TIMESTAMPTZ)) {
            return false;
        }
        return isCurrentTimestamp(a) && isCurrentTimestamp(b);
    }

    private static boolean isCurrentTimestamp(String text) {
        return text.equalsIgnoreCase("CURRENT_TIMESTAMP") || text.equalsIgnoreCase("CURRENT_TIMESTAMP(6)");
    }
}
