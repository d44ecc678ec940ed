package io.samokoder.migrations.ops;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * The calls of {@link Operations} turned into checked {@link Operation} records with resolved names,
 * each handed to {@link #accept}; the inspection methods are left to the subclass.
 */
abstract class OperationCalls implements Operations {

    final NamingConvention naming;

    OperationCalls(NamingConvention naming) {
        if (naming == null) {
            throw new IllegalArgumentException("A naming convention is required; use NamingConvention.NONE for none");
        }
        this.naming = naming;
    }

    /** Takes one checked operation, in call order. */
    abstract void accept(Operation operation);

    @Override
    public void createTable(String table, TableElement... elements) {
        accept(TableDefinition.of(table, elements, naming));
    }

    @Override
    public void dropTable(String table) {
        accept(new Operation.DropTable(Names.require(table, "dropTable: the table")));
    }

    @Override
    public void renameTable(String table, String newName) {
        accept(new Operation.RenameTable(Names.require(table, "renameTable: the table"),
                Names.require(newName, "renameTable", table, "the new table")));
    }

    @Override
    public void createTableComment(String table, String comment, String existingComment) {
        Names.require(table, "createTableComment: the table");
        if (comment == null) {
            throw new IllegalArgumentException("createTableComment(" + table + ") needs the comment; use"
                    + " dropTableComment(\"" + table + "\") to remove one");
        }
        accept(new Operation.CreateTableComment(table, comment, existingComment));
    }

    @Override
    public void dropTableComment(String table, String existingComment) {
        accept(new Operation.DropTableComment(Names.require(table, "dropTableComment: the table"), existingComment));
    }

    @Override
    public void addColumn(String table, Column column) {
        accept(addColumnOf(table, column));
    }

    private static Operation addColumnOf(String table, Column column) {
        Names.require(table, "addColumn: the table");
        TableDefinition.checkColumn(table, column);
        if (column.inPrimaryKey() || column.isUnique()) {
            throw new IllegalArgumentException("addColumn(" + table + "." + column.name() + "): primaryKey() and"
                    + " unique() belong in createTable; add the column, then createPrimaryKey or"
                    + " createUniqueConstraint");
        }
        return new Operation.AddColumn(table, column);
    }

    @Override
    public void dropColumn(String table, String column) {
        accept(new Operation.DropColumn(Names.require(table, "dropColumn: the table"),
                Names.require(column, "dropColumn", table, "the column")));
    }

    @Override
    public void alterColumn(String table, String column, Consumer<ColumnChange> change) {
        accept(alterColumnOf(table, column, change));
    }

    private static Operation alterColumnOf(String table, String column, Consumer<ColumnChange> change) {
        Names.require(table, "alterColumn: the table");
        Names.require(column, "alterColumn", table, "the column");
        ColumnChange c = new ColumnChange();
        change.accept(c);
        return c.toOperation(table, column);
    }

    @Override
    public void createIndex(Index index) {
        accept(new Operation.CreateIndex(naming.resolve(index)));
    }

    @Override
    public void createIndex(String name, String table, String... columns) {
        createIndex(Index.on(name, table, columns));
    }

    @Override
    public void dropIndex(String name, String table) {
        accept(new Operation.DropIndex(Names.require(table, "dropIndex: the table"),
                Names.require(name, "dropIndex", table, "the index"), false));
    }

    @Override
    public void dropIndexConcurrently(String name, String table) {
        accept(new Operation.DropIndex(Names.require(table, "dropIndex: the table"),
                Names.require(name, "dropIndex", table, "the index"), true));
    }

    @Override
    public void createForeignKey(String table, ForeignKey foreignKey) {
        accept(addConstraintOf(table, foreignKey));
    }

    @Override
    public void createUniqueConstraint(String table, Unique unique) {
        accept(addConstraintOf(table, unique));
    }

    @Override
    public void createCheckConstraint(String table, Check check) {
        accept(addConstraintOf(table, check));
    }

    @Override
    public void createPrimaryKey(String table, PrimaryKey primaryKey) {
        accept(addConstraintOf(table, primaryKey));
    }

    private Operation addConstraintOf(String table, Constraint constraint) {
        Names.require(table, "Adding a constraint: the table");
        Constraint named = naming.resolve(table, constraint);
        if (named.name() == null) {
            throw new IllegalArgumentException("Table " + table + ": " + TableDefinition.describe(constraint)
                    + " on " + constraint.columns() + " needs a name: give one with named(...) or a naming convention");
        }
        return new Operation.AddConstraint(table, named);
    }

    @Override
    public void dropConstraint(String name, String table, ConstraintKind kind) {
        accept(dropConstraintOf(name, table, kind));
    }

    private static Operation dropConstraintOf(String name, String table, ConstraintKind kind) {
        Names.require(table, "dropConstraint: the table");
        Names.require(name, "dropConstraint", table, "the constraint");
        if (kind == null) {
            throw new IllegalArgumentException("dropConstraint(" + name + ", " + table + ") needs the constraint's"
                    + " kind (MariaDB/MySQL drop each kind differently)");
        }
        return new Operation.DropConstraint(table, name, kind);
    }

    @Override
    public void validateConstraint(String name, String table) {
        accept(new Operation.ValidateConstraint(Names.require(table, "validateConstraint: the table"),
                Names.require(name, "validateConstraint", table, "the constraint")));
    }

    @Override
    public void createEnumType(Type enumType) {
        if (enumType == null || enumType.kind() != TypeKind.ENUM) {
            throw new IllegalArgumentException(
                    "createEnumType needs an enum type, e.g. Type.enumOf(\"status\", \"a\")");
        }
        accept(new Operation.CreateEnumType(enumType));
    }

    @Override
    public void dropEnumType(String name) {
        accept(new Operation.DropEnumType(Names.require(name, "dropEnumType: the type")));
    }

    @Override
    public void createSequence(String name) {
        createSequence(name, 1, 1);
    }

    @Override
    public void createSequence(String name, long start, long increment) {
        Names.require(name, "createSequence: the sequence");
        if (increment == 0) {
            throw new IllegalArgumentException("createSequence(" + name + "): the increment must not be zero;"
                    + " give 1 for a sequence counting up");
        }
        accept(new Operation.CreateSequence(name, start, increment));
    }

    @Override
    public void dropSequence(String name) {
        accept(new Operation.DropSequence(Names.require(name, "dropSequence: the sequence")));
    }

    @Override
    public void execute(String sql) {
        accept(new Operation.Execute(requireSql(sql), List.of(), false));
    }

    @Override
    public void execute(String sql, Map<String, ?> parameters) {
        requireSql(sql);
        List<String> missing = new ArrayList<>();
        for (String name : Binds.names(sql)) {
            if (!parameters.containsKey(name)) {
                missing.add(name);
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("execute: no value for the binds " + missing + " of: " + sql);
        }
        List<Operation.Parameter> values = new ArrayList<>();
        for (Map.Entry<String, Object> e : new TreeMap<String, Object>(parameters).entrySet()) {
            values.add(new Operation.Parameter(e.getKey(), bindValue(e.getKey(), e.getValue())));
        }
        accept(new Operation.Execute(sql, values, true));
    }

    private static String requireSql(String sql) {
        if (sql == null || sql.isBlank()) {
            throw new IllegalArgumentException("execute needs a SQL statement");
        }
        return sql;
    }

    @Override
    public void bulkInsert(String table, List<? extends Map<String, ?>> rows) {
        Names.require(table, "bulkInsert: the table");
        List<Operation.Row> out = new ArrayList<>();
        for (Map<String, ?> row : rows) {
            if (row.isEmpty()) {
                throw new IllegalArgumentException("bulkInsert(" + table + "): row " + out.size() + " has no columns");
            }
            Map<String, ?> ordered = row instanceof SortedMap<String, ?> || row instanceof java.util.LinkedHashMap<?, ?>
                    ? row : new TreeMap<>(row);
            List<String> columns = new ArrayList<>();
            List<SqlValue> values = new ArrayList<>();
            for (Map.Entry<String, ?> e : ordered.entrySet()) {
                columns.add(Names.require(e.getKey(), "bulkInsert", table, "every column"));
                values.add(rowValue(table, e.getKey(), e.getValue()));
            }
            out.add(new Operation.Row(columns, values));
        }
        accept(new Operation.BulkInsert(table, out));
    }

    private static SqlValue bindValue(String name, Object value) {
        try {
            return SqlValue.of(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("execute: bind :" + name + ": " + e.getMessage(), e);
        }
    }

    private static SqlValue rowValue(String table, String column, Object value) {
        try {
            return SqlValue.of(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("bulkInsert(" + table + "." + column + "): " + e.getMessage(), e);
        }
    }

    @Override
    public void batchAlterTable(String table, Consumer<BatchOperations> batch) {
        Names.require(table, "batchAlterTable: the table");
        List<Operation> collected = new ArrayList<>();
        batch.accept(new Batch(table, collected));
        if (collected.isEmpty()) {
            throw new IllegalArgumentException("batchAlterTable(" + table + ") changes nothing");
        }
        accept(new Operation.BatchAlterTable(table, collected));
    }

    private final class Batch implements BatchOperations {

        private final String table;
        private final List<Operation> collected;

        Batch(String table, List<Operation> collected) {
            this.table = table;
            this.collected = collected;
        }

        @Override
        public BatchOperations addColumn(Column column) {
            collected.add(addColumnOf(table, column));
            return this;
        }

        @Override
        public BatchOperations dropColumn(String column) {
            collected.add(new Operation.DropColumn(table, Names.require(column, "dropColumn", table, "the column")));
            return this;
        }

        @Override
        public BatchOperations alterColumn(String column, Consumer<ColumnChange> change) {
            collected.add(alterColumnOf(table, column, change));
            return this;
        }

        @Override
        public BatchOperations createForeignKey(ForeignKey foreignKey) {
            collected.add(addConstraintOf(table, foreignKey));
            return this;
        }

        @Override
        public BatchOperations createUniqueConstraint(Unique unique) {
            collected.add(addConstraintOf(table, unique));
            return this;
        }

        @Override
        public BatchOperations createCheckConstraint(Check check) {
            collected.add(addConstraintOf(table, check));
            return this;
        }

        @Override
        public BatchOperations createPrimaryKey(PrimaryKey primaryKey) {
            collected.add(addConstraintOf(table, primaryKey));
            return this;
        }

        @Override
        public BatchOperations dropConstraint(String name, ConstraintKind kind) {
            collected.add(dropConstraintOf(name, table, kind));
            return this;
        }
    }
}
