package io.samokoder.migrations.ops;

import java.util.ArrayList;
import java.util.List;

/** Turns {@code createTable}'s elements into a checked {@link Operation.CreateTable} with named constraints. */
final class TableDefinition {

    private TableDefinition() {
    }

    static Operation.CreateTable of(String table, TableElement[] elements, NamingConvention naming) {
        Names.require(table, "A table");
        List<Column> columns = new ArrayList<>();
        List<Constraint> constraints = new ArrayList<>();
        String comment = null;
        for (TableElement element : elements) {
            if (element instanceof Column c) {
                columns.add(c);
            } else if (element instanceof Constraint c) {
                constraints.add(c);
            } else if (element instanceof TableComment c) {
                if (comment != null) {
                    throw new IllegalArgumentException("Table " + table + " is given two comments");
                }
                comment = c.text();
            }
        }
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("Table " + table + " needs at least one column");
        }
        List<String> keyColumns = new ArrayList<>(1);
        for (int i = 0; i < columns.size(); i++) {
            Column c = columns.get(i);
            if (indexOf(columns, c.name(), i) >= 0) {
                throw new IllegalArgumentException("Table " + table + " has two columns named " + c.name());
            }
            checkColumn(table, c);
            if (c.inPrimaryKey()) {
                keyColumns.add(c.name());
            }
        }
        int primaryKeys = 0;
        for (Constraint c : constraints) {
            if (c instanceof PrimaryKey) {
                primaryKeys++;
            }
        }
        List<Constraint> all = new ArrayList<>(constraints.size() + 2);
        if (!keyColumns.isEmpty()) {
            if (primaryKeys > 0) {
                throw new IllegalArgumentException("Table " + table + " has primary-key columns " + keyColumns
                        + " and a PrimaryKey constraint; use one or the other");
            }
            all.add(PrimaryKey.of(keyColumns.toArray(String[]::new)));
        }
        if (primaryKeys > 1) {
            throw new IllegalArgumentException("Table " + table + " has two primary keys");
        }
        for (Column c : columns) {
            if (c.isUnique()) {
                all.add(Unique.of(c.name()));
            }
        }
        all.addAll(constraints);
        List<Constraint> named = new ArrayList<>(all.size());
        for (Constraint c : all) {
            for (String column : c.columns()) {
                if (indexOf(columns, column, columns.size()) < 0) {
                    List<String> names = new ArrayList<>(columns.size());
                    columns.forEach(each -> names.add(each.name()));
                    throw new IllegalArgumentException("Table " + table + ": " + describe(c) + " names column " + column
                            + ", which the table does not have (columns: " + names + ")");
                }
            }
            named.add(naming.resolve(table, c));
        }
        return new Operation.CreateTable(table, columns, named, comment);
    }

    /** The index of the first of {@code columns[0, end)} named {@code name}, or -1. */
    private static int indexOf(List<Column> columns, String name, int end) {
        for (int i = 0; i < end; i++) {
            if (columns.get(i).name().equals(name)) {
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
