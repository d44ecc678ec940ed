package io.samokoder.migrations.schema;

import io.samokoder.migrations.ops.Column;
import io.samokoder.migrations.ops.Constraint;
import io.samokoder.migrations.ops.ConstraintKind;
import io.samokoder.migrations.ops.ForeignKey;
import io.samokoder.migrations.ops.NamingConvention;
import io.samokoder.migrations.ops.Operation;
import io.samokoder.migrations.ops.Type;
import io.samokoder.migrations.ops.TypeKind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The changes of tables created or dropped as a whole. Foreign keys closing a cycle among the created (or
 * dropped) tables are added after the tables are created and dropped before they are dropped. A dropped table's
 * enum types that no table left after the drop uses are dropped after it (PostgreSQL's {@code DROP TYPE};
 * nothing elsewhere), and created again with the table ({@code createTable} creates its enum types), so that a
 * table can be dropped and created again. A table created where its enum type exists (used by a table that
 * stays) marks the type {@link Type#existing()}, so that its {@code createTable} does not create it again.
 */
final class TableChanges {

    private final List<SchemaChange> changes;
    private final Map<SchemaTable, List<ForeignKey>> addedCycles;
    private final Map<SchemaTable, List<ForeignKey>> removedCycles;
    private final Set<String> enumsAfterDowngrade;
    private final Set<String> enumsAfterUpgrade;
    private final Set<String> databaseEnums;
    private final Set<String> modelEnums;

    /**
     * Changes of the tables in {@code added} (in the model only) and {@code removed} (in the database only).
     *
     * @param changes where the changes are added
     */
    TableChanges(List<SchemaChange> changes, Schema model, Schema database, List<SchemaTable> added,
            List<SchemaTable> removed) {
        this.changes = changes;
        this.addedCycles = cyclicKeys(added);
        this.removedCycles = cyclicKeys(removed);
        this.enumsAfterDowngrade = enumTypes(database.tables());
        this.enumsAfterUpgrade = enumTypes(model.tables());
        this.databaseEnums = Set.copyOf(this.enumsAfterDowngrade);
        this.modelEnums = Set.copyOf(this.enumsAfterUpgrade);
    }

    /** Creates an added table; the downgrade drops it, and its enum types no table of the database uses. */
    void add(SchemaTable table) {
        String name = table.name();
        List<ForeignKey> deferred = addedCycles.getOrDefault(table, List.of());
        List<Operation> upgrade = new ArrayList<>();
        List<Operation> downgrade = new ArrayList<>();
        upgrade.add(createTable(table, deferred, databaseEnums));
        downgrade.add(new Operation.DropTable(name));
        for (ForeignKey key : deferred) {
            ForeignKey named = (ForeignKey) NamingConvention.DEFAULT.resolve(name, key);
            upgrade.add(new Operation.AddConstraint(name, named));
            downgrade.add(0, new Operation.DropConstraint(name, named.name(), ConstraintKind.FOREIGN_KEY));
        }
        droppedEnumTypes(table, enumsAfterDowngrade).forEach(type -> downgrade.add(new Operation.DropEnumType(type)));
        changes.add(new SchemaChange("add_table", "Detected added table " + Texts.repr(name),
                Texts.tuple("add_table", Texts.repr(name)), upgrade, downgrade));
    }

    /** Drops a removed table, and its enum types no table of the model uses; the downgrade creates it again. */
    void remove(SchemaTable table) {
        String name = table.name();
        List<ForeignKey> deferred = removedCycles.getOrDefault(table, List.of());
        List<Operation> upgrade = new ArrayList<>();
        List<Operation> downgrade = new ArrayList<>();
        for (ForeignKey key : deferred) {
            upgrade.add(new Operation.DropConstraint(name, key.name(), ConstraintKind.FOREIGN_KEY));
            downgrade.add(0, new Operation.AddConstraint(name, key));
        }
        upgrade.add(new Operation.DropTable(name));
        downgrade.add(0, createTable(table, deferred, modelEnums));
        droppedEnumTypes(table, enumsAfterUpgrade).forEach(type -> upgrade.add(new Operation.DropEnumType(type)));
        changes.add(new SchemaChange("remove_table", "Detected removed table " + Texts.repr(name),
                Texts.tuple("remove_table", Texts.repr(name)), upgrade, downgrade));
    }

    /** The names of the enum types of these tables' columns. */
    static Set<String> enumTypes(List<SchemaTable> tables) {
        Set<String> names = new HashSet<>();
        tables.stream().flatMap(t -> t.columns().stream()).filter(c -> c.type().kind() == TypeKind.ENUM)
                .forEach(c -> names.add(c.type().enumName()));
        return names;
    }

    /** The table's enum types not in {@code kept}, each added to it (so one dropped table drops a type). */
    private static List<String> droppedEnumTypes(SchemaTable table, Set<String> kept) {
        return table.columns().stream().map(Column::type).filter(t -> t.kind() == TypeKind.ENUM)
                .map(t -> t.enumName()).distinct().filter(kept::add).toList();
    }

    /**
     * The table as {@code CREATE TABLE}, with its key, unique constraints and foreign keys but the deferred ones;
     * the enum types named in {@code existing} marked as existing.
     */
    private static Operation.CreateTable createTable(SchemaTable table, List<ForeignKey> deferred,
            Set<String> existing) {
        List<Constraint> constraints = new ArrayList<>();
        if (table.primaryKey() != null) {
            constraints.add(table.primaryKey());
        }
        constraints.addAll(table.uniques());
        table.foreignKeys().stream().filter(k -> deferred.stream().noneMatch(d -> d == k)).forEach(constraints::add);
        List<Column> columns = new ArrayList<>(table.columns().size());
        for (Column c : table.columns()) {
            boolean exists = c.type().kind() == TypeKind.ENUM && existing.contains(c.type().enumName());
            columns.add(!exists ? c : new Column(c.name(), c.type().existing(), c.nullable(), c.inPrimaryKey(),
                    c.isUnique(), c.isAutoincrement(), c.serverDefault(), c.comment()));
        }
        return new Operation.CreateTable(table.name(), columns, constraints, table.comment());
    }

    /**
     * The foreign keys closing a cycle among these tables (visited in order, depth first), which are added after
     * the tables are created (and dropped before they are dropped). A key of a table to itself closes none.
     */
    private static Map<SchemaTable, List<ForeignKey>> cyclicKeys(List<SchemaTable> tables) {
        Map<String, SchemaTable> byName = new LinkedHashMap<>();
        tables.forEach(t -> byName.put(t.name(), t));
        Map<String, Integer> state = new HashMap<>();
        Map<SchemaTable, List<ForeignKey>> cyclic = new HashMap<>();
        for (SchemaTable table : tables) {
            visit(table, byName, state, cyclic);
        }
        return cyclic;
    }

    private static void visit(SchemaTable table, Map<String, SchemaTable> byName, Map<String, Integer> state,
            Map<SchemaTable, List<ForeignKey>> cyclic) {
        if (state.containsKey(table.name())) {
            return;
        }
        state.put(table.name(), 1);
        for (ForeignKey key : table.foreignKeys()) {
            SchemaTable target = byName.get(key.referredTable());
            if (target == null || target == table) {
                continue;
            }
            if (Integer.valueOf(1).equals(state.get(target.name()))) {
                cyclic.computeIfAbsent(table, t -> new ArrayList<>()).add(key);
            } else {
                visit(target, byName, state, cyclic);
            }
        }
        state.put(table.name(), 2);
    }
}
