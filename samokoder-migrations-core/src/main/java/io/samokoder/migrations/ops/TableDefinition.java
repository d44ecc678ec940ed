package io.samokoder.migrations.ops;

import java.util.ArrayList;
import java.util.List;

/** Turns {@code createTable}'s elements into a checked {@link Operation.CreateTable} with named constraints. */
final class TableDefinition {

    private TableDefinition() {
    }

    static Operation.CreateTable of(String table, TableElement[] elements, NamingConvention naming) {
        Names.require(table, "A table");
        Column[] columns = new Column[elements.length];
        int columnCount = 0;
        int constraintCount = 0;
        int primaryKeys = 0;
        String comment = null;
        for (TableElement element : elements) {
            if (element instanceof Column c) {
                columns[columnCount++] = c;
            } else if (element instanceof Constraint c) {
                constraintCount++;
                primaryKeys += c instanceof PrimaryKey ? 1 : 0;
            } else if (element instanceof TableComment c) {
                if (comment != null) {
                    throw new IllegalArgumentException("Table " + table + " is given two comments");
                }
                comment = c.text();
            }
        }
        if (columnCount == 0) {
            throw new IllegalArgumentException("Table " + table + " needs at least one column");
        }
        int keyColumns = 0;
        int uniqueColumns = 0;
        for (int i = 0; i < columnCount; i++) {
            Column c = columns[i];
            if (indexOf(columns, c.name(), i) >= 0) {
                throw new IllegalArgumentException("Table " + table + " has two columns named " + c.name());
            }
            checkColumn(table, c);
            keyColumns += c.inPrimaryKey() ? 1 : 0;
            uniqueColumns += c.isUnique() ? 1 : 0;
        }
        Constraint[] named = new Constraint[(keyColumns > 0 ? 1 : 0) + uniqueColumns + constraintCount];
        int n = 0;
        if (keyColumns > 0) {
            String[] keys = new String[keyColumns];
            for (int i = 0, k = 0; i < columnCount; i++) {
                if (columns[i].inPrimaryKey()) {
                    keys[k++] = columns[i].name();
                }
            }
            if (primaryKeys > 0) {
                throw new IllegalArgumentException("Table " + table + " has primary-key columns " + List.of(keys)
                        + " and a PrimaryKey constraint; use one or the other");
            }
            named[n++] = PrimaryKey.of(keys);
        }
        if (primaryKeys > 1) {
            throw new IllegalArgumentException("Table " + table + " has two primary keys");
        }
        for (int i = 0; i < columnCount; i++) {
            if (columns[i].isUnique()) {
                named[n++] = Unique.of(columns[i].name());
            }
        }
        for (TableElement element : elements) {
            if (element instanceof Constraint c) {
                named[n++] = c;
            }
        }
        for (int k = 0; k < n; k++) {
            Constraint c = named[k];
            List<String> constrained = c.columns();
            for (int i = 0; i < constrained.size(); i++) {
                String column = constrained.get(i);
                if (indexOf(columns, column, columnCount) < 0) {
                    List<String> names = new ArrayList<>(columnCount);
                    for (int j = 0; j < columnCount; j++) {
                        names.add(columns[j].name());
                    }
                    throw new IllegalArgumentException("Table " + table + ": " + describe(c) + " names column " + column
                            + ", which the table does not have (columns: " + names + ")");
                }
            }
            named[k] = naming.resolve(table, c);
        }
        return new Operation.CreateTable(table, Lists.of(columns, columnCount), Lists.of(named, n), comment);
    }

    /** The index of the first of {@code columns[0, end)} named {@code name}, or -1. */
    private static int indexOf(Column[] columns, String name, int end) {
        for (int i = 0; i < end; i++) {
            if (columns[i].name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    static void checkColumn(String table, Column c) {
        if (c.isAutoincrement() && c.type().kind() != TypeKind.INTEGER && c.type().kind() != TypeKind.BIGINT
                && c.type().kind() != TypeKind.SMALLINT) {
            throw new IllegalArgumentException("Column " + table + "." + c.name() + " is autoincrement but of type "
                    + c.type().kind() + "; use Type.INTEGER or Type.BIGINT");
        }
        if (c.isAutoincrement() && c.serverDefault() != null) {
            throw new IllegalArgumentException("Column " + table + "." + c.name()
                    + " is autoincrement and has a server default; keep one of them");
        }
    }

    static String describe(Constraint c) {
        String kind = switch (c.kind()) {
            case PRIMARY_KEY -> "the primary key";
            case UNIQUE -> "a unique constraint";
            case CHECK -> "a check constraint";
            case FOREIGN_KEY -> "a foreign key";
        };
        return c.name() == null ? kind : kind + " " + c.name();
    }
}
