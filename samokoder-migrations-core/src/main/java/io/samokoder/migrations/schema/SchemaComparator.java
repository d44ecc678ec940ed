package io.samokoder.migrations.schema;

import io.samokoder.migrations.ops.Operation;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

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
 * {@code dropUnmappedTables} (else each gets a note).
 *
 * <p>Not detected, as in Alembic: renames (a renamed table or column is seen as a removal and an addition, and
 * a note says how to write it as a rename instead), changes inside check constraints and views, primary key
 * changes, and a sequence's start or increment. Names match exactly: readers give them as the database keeps
 * them.
 *
 * <p>Enum types (PostgreSQL's; nothing is rendered elsewhere) follow their tables both ways: an added column of
 * an enum type no table has yet creates the type first and drops it on downgrade; a created table creates its
 * enum types, and a dropped table (an added one on downgrade, a removed one on upgrade) drops those no table left
 * after the drop uses, so a diff can be upgraded, downgraded and upgraded again.
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
        List<SchemaTable> added = model.tables().stream().filter(t -> database.table(t.name()).isEmpty()).toList();
        List<SchemaTable> removed = database.tables().stream().filter(t -> model.table(t.name()).isEmpty()).toList();
        Set<String> enumTypes = TableChanges.enumTypes(database.tables());
        enumTypes.addAll(TableChanges.enumTypes(added));
        ColumnComparer columns = new ColumnComparer(options, changes, notes, enumTypes);
        KeyComparer keys = new KeyComparer(changes);
        TableChanges tables = new TableChanges(changes, model, database, added, removed);
        for (SchemaTable table : model.tables()) {
            SchemaTable existing = database.table(table.name()).orElse(null);
            if (existing == null) {
                tables.add(table);
                keys.indexesOfNewTable(table);
            } else {
                columns.compare(table, existing);
                keys.compare(table, existing);
                compareComment(table, existing, changes);
            }
        }
        if (options.dropUnmappedTables()) {
            for (SchemaTable table : removed) {
                keys.indexesOfDroppedTable(table);
                tables.remove(table);
            }
            renameNote(added, removed, notes);
        } else {
            removed.forEach(t -> notes.add("Table '" + t.name() + "' is in the database but in no entity: left alone."
                    + " Map it to an entity to compare it, exclude it to silence this note, or turn on dropping of"
                    + " unmapped tables (dropUnmappedTables) to drop it."));
        }
        compareSequences(model, database, options, changes, notes);
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

    /**
     * A table comment set, changed or removed: Alembic's add_table_comment (its tuple ends with the existing
     * comment, as Alembic's does) and remove_table_comment.
     */
    private static void compareComment(SchemaTable model, SchemaTable database, List<SchemaChange> changes) {
        String table = model.name();
        String wanted = model.comment();
        String current = database.comment();
        if (Objects.equals(wanted, current)) {
            return;
        }
        if (wanted == null) {
            changes.add(new SchemaChange("remove_table_comment", "Detected removed table comment on '" + table + "'",
                    Texts.tuple("remove_table_comment", Texts.repr(table)),
                    List.of(new Operation.DropTableComment(table, current)),
                    List.of(new Operation.CreateTableComment(table, current, null))));
        } else {
            changes.add(new SchemaChange("add_table_comment", "Detected table comment on '" + table + "'",
                    Texts.tuple("add_table_comment", Texts.repr(table), Texts.repr(current)),
                    List.of(new Operation.CreateTableComment(table, wanted, current)),
                    List.of(current == null ? new Operation.DropTableComment(table, wanted)
                            : new Operation.CreateTableComment(table, current, wanted))));
        }
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

    /**
     * Sequences added, and removed with {@code dropUnmappedTables} (else each gets a note). Readers leave out the
     * sequences of identity and serial columns, so those are never reported.
     */
    private static void compareSequences(Schema model, Schema database, CompareOptions options,
            List<SchemaChange> changes, List<String> notes) {
        for (SchemaSequence sequence : model.sequences()) {
            if (database.sequence(sequence.name()).isEmpty()) {
                changes.add(new SchemaChange("add_sequence", "Detected added sequence " + Texts.repr(sequence.name()),
                        Texts.tuple("add_sequence", Texts.repr(sequence.name())),
                        List.of(new Operation.CreateSequence(sequence.name(), sequence.start(), sequence.increment())),
                        List.of(new Operation.DropSequence(sequence.name()))));
            }
        }
        for (SchemaSequence sequence : database.sequences()) {
            if (model.sequence(sequence.name()).isPresent()) {
                continue;
            }
            if (options.dropUnmappedTables()) {
                changes.add(new SchemaChange("remove_sequence", "Detected removed sequence "
                        + Texts.repr(sequence.name()), Texts.tuple("remove_sequence", Texts.repr(sequence.name())),
                        List.of(new Operation.DropSequence(sequence.name())),
                        List.of(new Operation.CreateSequence(sequence.name(), sequence.start(), sequence.increment()))));
            } else {
                notes.add("Sequence " + Texts.repr(sequence.name()) + " is in the database but not in the model: left"
                        + " alone. Declare it in the model to compare it, exclude it to silence this note, or turn on"
                        + " dropping of unmapped tables and sequences (dropUnmappedTables) to drop it.");
            }
        }
    }
}
