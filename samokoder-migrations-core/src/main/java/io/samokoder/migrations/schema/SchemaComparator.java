package io.samokoder.migrations.schema;

import io.samokoder.migrations.ops.Constraint;
import io.samokoder.migrations.ops.ConstraintKind;
import io.samokoder.migrations.ops.ForeignKey;
import io.samokoder.migrations.ops.NamingConvention;
import io.samokoder.migrations.ops.Operation;
import io.samokoder.migrations.ops.TypeKind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Compares the application's model with the database as Alembic's autogenerate does, and says what
 * differs with the operations that bring the database to the model and back ({@link SchemaDiff}).
 *
 * <p>Detected: tables added and removed (removed only with {@link CompareOptions#dropUnmappedTables()}; else
 * each unmapped table gets a note); columns added and removed; type changes (both types written by
 * {@link CompareOptions#typeSql()} and compared case- and whitespace-insensitively); nullability changes;
 * server default changes (formatting differences ignored: whitespace, outer parentheses, the case of keywords;
 * defaults of identity columns not compared); column and table comments; indexes and unique constraints
 * added and removed (matched by name, then by columns and uniqueness); foreign keys added and removed
 * (matched by columns, referenced table and columns, and actions); sequences added, and removed with
 * {@code dropUnmappedTables}.
 *
 * <p>Not detected, as in Alembic: renames (a renamed table or column is seen as a removal and an addition, and
 * a note says how to write it as a rename instead), changes inside check constraints and views, primary key
 * changes, and a sequence's start or increment. Names match exactly: readers give them as the database keeps
 * them. Table comment changes are reported but have no operation: a note asks to write them by hand.
 *
 * <p>An added column of an enum type no table has yet creates the type first (PostgreSQL's {@code CREATE TYPE};
 * nothing elsewhere) and drops it on downgrade; a dropped table's enum types stay, as {@code dropTable} leaves
 * them.
 */
public final class SchemaComparator {

    private SchemaComparator() {
    }

    /**
     * What differs between the model and the database.
     *
     * @param model    the application's schema (what the database should become)
     * @param database the database's schema, read from its catalog
     * @param options  what is compared
     * @throws IllegalArgumentException when a schema has two tables of one name, or a table two columns of one
     *     name, naming them
     */
    public static SchemaDiff compare(Schema model, Schema database, CompareOptions options) {
        Objects.requireNonNull(model, "compare needs the model's schema");
        Objects.requireNonNull(database, "compare needs the database's schema");
        Objects.requireNonNull(options, "compare needs options; use CompareOptions.defaults(dialect)");
        requireUniqueNames(model, "model");
        requireUniqueNames(database, "database");
        List<SchemaChange> changes = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        Set<String> enumTypes = new HashSet<>();
        Stream.concat(database.tables().stream(), model.tables().stream()
                .filter(t -> database.table(t.name()).isEmpty())).flatMap(t -> t.columns().stream())
                .filter(c -> c.type().kind() == TypeKind.ENUM).forEach(c -> enumTypes.add(c.type().enumName()));
        ColumnComparer columns = new ColumnComparer(options, changes, notes, enumTypes);
        KeyComparer keys = new KeyComparer(changes);
        List<SchemaTable> added = model.tables().stream().filter(t -> database.table(t.name()).isEmpty()).toList();
        List<SchemaTable> removed = database.tables().stream().filter(t -> model.table(t.name()).isEmpty()).toList();
        Map<SchemaTable, List<ForeignKey>> addedCycles = cyclicKeys(added);
        for (SchemaTable table : model.tables()) {
            SchemaTable existing = database.table(table.name()).orElse(null);
            if (existing == null) {
                changes.add(addTable(table, addedCycles.getOrDefault(table, List.of())));
                keys.indexesOfNewTable(table);
            } else {
                columns.compare(table, existing);
                keys.compare(table, existing);
                compareComment(table, existing, changes, notes);
            }
        }
        if (options.dropUnmappedTables()) {
            Map<SchemaTable, List<ForeignKey>> removedCycles = cyclicKeys(removed);
            for (SchemaTable table : removed) {
                keys.indexesOfDroppedTable(table);
                changes.add(removeTable(table, removedCycles.getOrDefault(table, List.of())));
            }
            renameNote(added, removed, notes);
        } else {
            removed.forEach(t -> notes.add("Table '" + t.name() + "' is in the database but in no entity: left alone."
                    + " Map it to an entity to compare it, exclude it to silence this note, or turn on dropping of"
                    + " unmapped tables (dropUnmappedTables) to drop it."));
        }
        compareSequences(model, database, options, changes);
        return new SchemaDiff(changes, notes);
    }

    private static void requireUniqueNames(Schema schema, String side) {
        Set<String> tables = new HashSet<>();
        for (SchemaTable table : schema.tables()) {
            if (!tables.add(table.name())) {
                throw new IllegalArgumentException("The " + side + " has two tables named '" + table.name() + "'; each"
                        + " table must appear once (check for two entities mapped to one table)");
            }
            Set<String> columns = new HashSet<>();
            table.columns().stream().filter(c -> !columns.add(c.name())).findFirst().ifPresent(c -> {
                throw new IllegalArgumentException("The " + side + "'s table '" + table.name() + "' has two columns"
                        + " named '" + c.name() + "'; each column must appear once (check for two fields mapped to"
                        + " one column)");
            });
        }
    }

    private static SchemaChange addTable(SchemaTable table, List<ForeignKey> deferred) {
        String name = table.name();
        List<Operation> upgrade = new ArrayList<>();
        List<Operation> downgrade = new ArrayList<>();
        upgrade.add(createTable(table, deferred));
        downgrade.add(new Operation.DropTable(name));
        for (ForeignKey key : deferred) {
            ForeignKey named = (ForeignKey) NamingConvention.DEFAULT.resolve(name, key);
            upgrade.add(new Operation.AddConstraint(name, named));
            downgrade.add(0, new Operation.DropConstraint(name, named.name(), ConstraintKind.FOREIGN_KEY));
        }
        return new SchemaChange("add_table", "Detected added table " + Texts.repr(name),
                Texts.tuple("add_table", Texts.repr(name)), upgrade, downgrade);
    }

    private static SchemaChange removeTable(SchemaTable table, List<ForeignKey> deferred) {
        String name = table.name();
        List<Operation> upgrade = new ArrayList<>();
        List<Operation> downgrade = new ArrayList<>();
        for (ForeignKey key : deferred) {
            upgrade.add(new Operation.DropConstraint(name, key.name(), ConstraintKind.FOREIGN_KEY));
            downgrade.add(0, new Operation.AddConstraint(name, key));
        }
        upgrade.add(new Operation.DropTable(name));
        downgrade.add(0, createTable(table, deferred));
        return new SchemaChange("remove_table", "Detected removed table " + Texts.repr(name),
                Texts.tuple("remove_table", Texts.repr(name)), upgrade, downgrade);
    }

    /** The table as {@code CREATE TABLE}, with its key, unique constraints and foreign keys but the deferred ones. */
    private static Operation.CreateTable createTable(SchemaTable table, List<ForeignKey> deferred) {
        List<Constraint> constraints = new ArrayList<>();
        if (table.primaryKey() != null) {
            constraints.add(table.primaryKey());
        }
        constraints.addAll(table.uniques());
        table.foreignKeys().stream().filter(k -> deferred.stream().noneMatch(d -> d == k)).forEach(constraints::add);
        return new Operation.CreateTable(table.name(), table.columns(), constraints, table.comment());
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

    private static void compareComment(SchemaTable model, SchemaTable database, List<SchemaChange> changes,
            List<String> notes) {
        if (Objects.equals(model.comment(), database.comment())) {
            return;
        }
        String table = model.name();
        if (model.comment() == null) {
            changes.add(new SchemaChange("remove_table_comment", "Detected removed table comment on '" + table + "'",
                    Texts.tuple("remove_table_comment", Texts.repr(table)), List.of(), List.of()));
        } else {
            changes.add(new SchemaChange("add_table_comment", "Detected table comment on '" + table + "'",
                    Texts.tuple("add_table_comment", Texts.repr(table), Texts.repr(model.comment())), List.of(),
                    List.of()));
        }
        notes.add("Table '" + table + "': its comment differs from the model's (" + Texts.repr(database.comment())
                + " in the database, " + Texts.repr(model.comment()) + " in the model), and the operations API has no"
                + " table comment operation: write it in the revision with op.execute (COMMENT ON TABLE on PostgreSQL"
                + " and H2, ALTER TABLE ... COMMENT= on MariaDB).");
    }

    private static void renameNote(List<SchemaTable> added, List<SchemaTable> removed, List<String> notes) {
        if (added.isEmpty() || removed.isEmpty()) {
            return;
        }
        notes.add("Table " + String.join(", ", removed.stream().map(t -> Texts.repr(t.name())).toList())
                + " removed and " + String.join(", ", added.stream().map(t -> Texts.repr(t.name())).toList())
                + " added. A renamed table is seen as a drop and a create, which loses its rows; if it is a rename,"
                + " write op.renameTable(\"" + removed.get(0).name() + "\", \"" + added.get(0).name() + "\") instead"
                + " of the drop and the create.");
    }

    private static void compareSequences(Schema model, Schema database, CompareOptions options,
            List<SchemaChange> changes) {
        for (SchemaSequence sequence : model.sequences()) {
            if (database.sequence(sequence.name()).isEmpty()) {
                changes.add(new SchemaChange("add_sequence", "Detected added sequence " + Texts.repr(sequence.name()),
                        Texts.tuple("add_sequence", Texts.repr(sequence.name())),
                        List.of(new Operation.CreateSequence(sequence.name(), sequence.start(), sequence.increment())),
                        List.of(new Operation.DropSequence(sequence.name()))));
            }
        }
        if (!options.dropUnmappedTables()) {
            return;
        }
        for (SchemaSequence sequence : database.sequences()) {
            if (model.sequence(sequence.name()).isEmpty()) {
                changes.add(new SchemaChange("remove_sequence", "Detected removed sequence "
                        + Texts.repr(sequence.name()), Texts.tuple("remove_sequence", Texts.repr(sequence.name())),
                        List.of(new Operation.DropSequence(sequence.name())),
                        List.of(new Operation.CreateSequence(sequence.name(), sequence.start(), sequence.increment()))));
            }
        }
    }
}
