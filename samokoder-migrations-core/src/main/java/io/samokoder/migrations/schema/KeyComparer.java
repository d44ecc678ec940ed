package io.samokoder.migrations.schema;

import io.samokoder.migrations.ops.ConstraintKind;
import io.samokoder.migrations.ops.ForeignKey;
import io.samokoder.migrations.ops.Index;
import io.samokoder.migrations.ops.IndexElement;
import io.samokoder.migrations.ops.NamingConvention;
import io.samokoder.migrations.ops.Operation;
import io.samokoder.migrations.ops.ReferentialAction;
import io.samokoder.migrations.ops.Unique;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The index, unique constraint and foreign key changes of a table. Indexes and unique constraints match by
 * name, then unmatched ones by their columns and uniqueness (a unique index stands for a unique constraint on
 * the same columns and the other way round, as databases keep one as the other); foreign keys match by
 * their columns, referenced table and columns, and actions (none, {@code NO ACTION} and {@code RESTRICT}
 * being the same). A constraint of the database without a name is dropped by the name the default naming
 * convention gives it.
 */
final class KeyComparer {

    private final List<SchemaChange> changes;

    KeyComparer(List<SchemaChange> changes) {
        this.changes = changes;
    }

    /** The indexes of a table being created or dropped (its constraints go with the table). */
    void indexesOfNewTable(SchemaTable model) {
        model.indexes().forEach(index -> addIndex(model.name(), index));
    }

    void indexesOfDroppedTable(SchemaTable database) {
        database.indexes().forEach(index -> removeIndex(database.name(), index));
    }

    void compare(SchemaTable model, SchemaTable database) {
        String table = model.name();
        List<Index> dbIndexes = new ArrayList<>(database.indexes());
        List<Unique> dbUniques = new ArrayList<>(database.uniques());
        List<Index> modelIndexes = new ArrayList<>();
        List<Unique> modelUniques = new ArrayList<>();
        for (Index index : model.indexes()) {
            Index named = index.name() == null ? null : dbIndexes.stream()
                    .filter(d -> index.name().equals(d.name())).findFirst().orElse(null);
            if (named == null) {
                modelIndexes.add(index);
            } else {
                dbIndexes.remove(named);
                if (!signature(named).equals(signature(index))) {
                    removeIndex(table, named);
                    addIndex(table, index);
                }
            }
        }
        for (Unique unique : model.uniques()) {
            Unique named = unique.name() == null ? null : dbUniques.stream()
                    .filter(d -> unique.name().equals(d.name())).findFirst().orElse(null);
            if (named == null) {
                modelUniques.add(unique);
            } else {
                dbUniques.remove(named);
                if (!named.columns().equals(unique.columns())) {
                    removeUnique(table, named);
                    addUnique(table, unique);
                }
            }
        }
        for (Index index : modelIndexes) {
            String sig = signature(index);
            Index same = dbIndexes.stream().filter(d -> signature(d).equals(sig)).findFirst().orElse(null);
            Unique asUnique = index.isUnique() ? dbUniques.stream().filter(u -> signature(u).equals(sig))
                    .findFirst().orElse(null) : null;
            if (same != null) {
                dbIndexes.remove(same);
            } else if (asUnique != null) {
                dbUniques.remove(asUnique);
            } else {
                addIndex(table, index);
            }
        }
        for (Unique unique : modelUniques) {
            String sig = signature(unique);
            Unique same = dbUniques.stream().filter(d -> signature(d).equals(sig)).findFirst().orElse(null);
            Index asIndex = dbIndexes.stream().filter(i -> signature(i).equals(sig)).findFirst().orElse(null);
            if (same != null) {
                dbUniques.remove(same);
            } else if (asIndex != null) {
                dbIndexes.remove(asIndex);
            } else {
                addUnique(table, unique);
            }
        }
        dbIndexes.forEach(index -> removeIndex(table, index));
        dbUniques.forEach(unique -> removeUnique(table, unique));
        compareForeignKeys(model, database);
    }

    private void compareForeignKeys(SchemaTable model, SchemaTable database) {
        String table = model.name();
        List<ForeignKey> dbKeys = new ArrayList<>(database.foreignKeys());
        for (ForeignKey key : model.foreignKeys()) {
            String sig = signature(key);
            ForeignKey same = dbKeys.stream().filter(d -> signature(d).equals(sig)).findFirst().orElse(null);
            if (same != null) {
                dbKeys.remove(same);
            } else {
                ForeignKey named = (ForeignKey) NamingConvention.DEFAULT.resolve(table, key);
                changes.add(new SchemaChange("add_fk", foreignKeyMessage("added", table, named),
                        foreignKeyTuple("add_fk", table, named), List.of(new Operation.AddConstraint(table, named)),
                        List.of(new Operation.DropConstraint(table, named.name(), ConstraintKind.FOREIGN_KEY))));
            }
        }
        for (ForeignKey unnamed : dbKeys) {
            ForeignKey key = (ForeignKey) NamingConvention.DEFAULT.resolve(table, unnamed);
            changes.add(new SchemaChange("remove_fk", foreignKeyMessage("removed", table, key),
                    foreignKeyTuple("remove_fk", table, key),
                    List.of(new Operation.DropConstraint(table, key.name(), ConstraintKind.FOREIGN_KEY)),
                    List.of(new Operation.AddConstraint(table, key))));
        }
    }

    private void addIndex(String table, Index index) {
        Index named = NamingConvention.DEFAULT.resolve(index);
        changes.add(new SchemaChange("add_index", "Detected added index '" + named.name() + "' on '"
                + Texts.repr(columnNames(named)) + "'", Texts.tuple("add_index", Texts.repr(named.name())),
                List.of(new Operation.CreateIndex(named)), List.of(new Operation.DropIndex(table, named.name(), false))));
    }

    private void removeIndex(String table, Index index) {
        changes.add(new SchemaChange("remove_index", "Detected removed index '" + index.name() + "' on '" + table + "'",
                Texts.tuple("remove_index", Texts.repr(index.name())),
                List.of(new Operation.DropIndex(table, index.name(), false)),
                List.of(new Operation.CreateIndex(index))));
    }

    private void addUnique(String table, Unique unique) {
        Unique named = (Unique) NamingConvention.DEFAULT.resolve(table, unique);
        changes.add(new SchemaChange("add_constraint", "Detected added unique constraint '" + named.name() + "' on '"
                + Texts.repr(named.columns()) + "'", Texts.tuple("add_constraint", Texts.repr(named.name())),
                List.of(new Operation.AddConstraint(table, named)),
                List.of(new Operation.DropConstraint(table, named.name(), ConstraintKind.UNIQUE))));
    }

    private void removeUnique(String table, Unique unnamed) {
        Unique unique = (Unique) NamingConvention.DEFAULT.resolve(table, unnamed);
        changes.add(new SchemaChange("remove_constraint", "Detected removed unique constraint '" + unique.name()
                + "' on '" + table + "'", Texts.tuple("remove_constraint", Texts.repr(unique.name())),
                List.of(new Operation.DropConstraint(table, unique.name(), ConstraintKind.UNIQUE)),
                List.of(new Operation.AddConstraint(table, unique))));
    }

    private static String foreignKeyMessage(String what, String table, ForeignKey key) {
        return "Detected " + what + " foreign key (" + String.join(", ", key.columns()) + ")("
                + String.join(", ", key.referredColumns()) + ") on table " + table;
    }

    private static String foreignKeyTuple(String kind, String table, ForeignKey key) {
        return Texts.tuple(kind, Texts.repr(table), Texts.repr(key.name()), Texts.repr(key.columns()),
                Texts.repr(key.referredTable()), Texts.repr(key.referredColumns()));
    }

    /** Alembic's column names of an index: {@code None} for an expression. */
    private static List<String> columnNames(Index index) {
        return index.elements().stream().map(e -> e.expression() ? null : e.text()).toList();
    }

    private static String signature(Index index) {
        return (index.isUnique() ? "unique " : "") + index.elements().stream().map(KeyComparer::element).toList()
                + (index.where() == null ? "" : " where " + Texts.serverDefault(index.where()));
    }

    private static String signature(Unique unique) {
        return "unique " + unique.columns();
    }

    private static String element(IndexElement element) {
        return element.expression() ? "(" + element.text().toLowerCase(Locale.ROOT).replaceAll("\\s+", "") + ")"
                : element.text();
    }

    private static String signature(ForeignKey key) {
        return key.columns() + " -> " + key.referredTable() + key.referredColumns() + " on delete "
                + action(key.onDelete()) + " on update " + action(key.onUpdate());
    }

    private static ReferentialAction action(ReferentialAction action) {
        return Objects.requireNonNullElse(action, ReferentialAction.NO_ACTION) == ReferentialAction.RESTRICT
                ? ReferentialAction.NO_ACTION : Objects.requireNonNullElse(action, ReferentialAction.NO_ACTION);
    }
}
