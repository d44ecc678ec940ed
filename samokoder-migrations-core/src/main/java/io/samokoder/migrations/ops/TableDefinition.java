package io.samokoder.migrations.ops;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

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
        Set<String> names = new HashSet<>();
        for (Column c : columns) {
            if (!names.add(c.name())) {
                throw new IllegalArgumentException("Table " + table + " has two columns named " + c.name());
            }
            checkColumn(table, c);
        }
        List<Constraint> all = new ArrayList<>();
        List<String> keyColumns = columns.stream().filter(Column::inPrimaryKey).map(Column::name).toList();
        if (!keyColumns.isEmpty()) {
            if (constraints.stream().anyMatch(c -> c instanceof PrimaryKey)) {
                throw new IllegalArgumentException("Table " + table + " has primary-key columns " + keyColumns
                        + " and a PrimaryKey constraint; use one or the other");
            }
            all.add(PrimaryKey.of(keyColumns.toArray(String[]::new)));
        }
        if (constraints.stream().filter(c -> c instanceof PrimaryKey).count() > 1) {
            throw new IllegalArgumentException("Table " + table + " has two primary keys");
        }
        columns.stream().filter(Column::isUnique).forEach(c -> all.add(Unique.of(c.name())));
        all.addAll(constraints);
        List<Constraint> named = new ArrayList<>();
        for (Constraint c : all) {
            for (String column : c.columns()) {
                if (!names.contains(column)) {
                    throw new IllegalArgumentException("Table " + table + ": " + describe(c) + " names column " + column
                            + ", which the table does not have (columns: " + columns.stream().map(Column::name).toList()
                            + ")");
                }
            }
            named.add(naming.resolve(table, c));
        }
        return new Operation.CreateTable(table, columns, named, comment);
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
