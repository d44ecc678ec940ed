package io.samokoder.migrations.dialect;

import io.samokoder.migrations.ops.Column;
import io.samokoder.migrations.ops.ForeignKey;
import io.samokoder.migrations.ops.Index;
import io.samokoder.migrations.ops.PrimaryKey;
import io.samokoder.migrations.ops.ReferentialAction;
import io.samokoder.migrations.ops.Unique;
import io.samokoder.migrations.schema.Schema;
import io.samokoder.migrations.schema.SchemaSequence;
import io.samokoder.migrations.schema.SchemaTable;
import io.samokoder.migrations.schema.TableFilter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Gathers what the {@link io.samokoder.migrations.schema.SchemaReader}s read from a catalog, query by
 * query, into a {@link Schema}: tables the filter leaves out are dropped, as are parts of tables that were
 * not listed. Tables, sequences, unique constraints, indexes and foreign keys come out sorted by name.
 * Not thread-safe: one per read.
 *
 * <p>Referential actions follow one rule on every database: {@code NO ACTION} and {@code RESTRICT} (each
 * database's refusing default) read as null, any other action as itself ({@link #action(String)}).
 */
public final class CatalogTables {

    private final TableFilter filter;
    private final Map<String, Parts> tables = new LinkedHashMap<>();
    private final List<SchemaSequence> sequences = new ArrayList<>();
    private final Map<List<String>, Key> keys = new LinkedHashMap<>();

    /** Collects the tables this filter includes. */
    public CatalogTables(TableFilter filter) {
        this.filter = filter;
    }

    /** Lists a table, with its comment (null or empty for none); its parts may be added after. */
    public void table(String name, String comment) {
        if (filter.includes(name)) {
            tables.put(name, new Parts(blankToNull(comment)));
        }
    }

    /** Adds the next column of a listed table, in table order. */
    public void column(String table, Column column) {
        Parts parts = tables.get(table);
        if (parts != null) {
            parts.columns.add(column);
        }
    }

    /** Sets the primary key of a listed table. */
    public void primaryKey(String table, PrimaryKey key) {
        Parts parts = tables.get(table);
        if (parts != null) {
            parts.primaryKey = key;
        }
    }

    /** Adds a unique constraint of a listed table. */
    public void unique(String table, Unique unique) {
        Parts parts = tables.get(table);
        if (parts != null) {
            parts.uniques.add(unique);
        }
    }

    /** Adds an index of a listed table. */
    public void index(Index index) {
        Parts parts = tables.get(index.table());
        if (parts != null) {
            parts.indexes.add(index);
        }
    }

    /** Adds a foreign key of a listed table. */
    public void foreignKey(String table, ForeignKey key) {
        Parts parts = tables.get(table);
        if (parts != null) {
            parts.foreignKeys.add(key);
        }
    }

    /**
     * Adds the next column of a key read one column a row (as {@code information_schema.key_column_usage}
     * gives them, in column order): a primary key, unique constraint or foreign key of a listed table.
     *
     * @param kind            {@code PRIMARY KEY}, {@code UNIQUE} or {@code FOREIGN KEY}
     * @param referredTable   a foreign key's referenced table, else null
     * @param referredColumn  the referenced column of this column, else null
     * @param onDelete        a foreign key's delete rule ({@link #action(String)}), else null
     * @param onUpdate        a foreign key's update rule, else null
     */
    public void keyColumn(String table, String name, String kind, String column, String referredTable,
            String referredColumn, String onDelete, String onUpdate) {
        if (!tables.containsKey(table)) {
            return;
        }
        Key key = keys.computeIfAbsent(List.of(table, name), k -> new Key(kind, referredTable, onDelete, onUpdate));
        key.columns.add(column);
        if (referredColumn != null) {
            key.referredColumns.add(referredColumn);
        }
    }

    /** Whether the table has a foreign key of this name (read by {@link #keyColumn}). */
    public boolean hasForeignKey(String table, String name) {
        Key key = keys.get(List.of(table, name));
        return key != null && "FOREIGN KEY".equals(key.kind);
    }

    /** Adds a sequence; those named like an excluded table are left out too. */
    public void sequence(SchemaSequence sequence) {
        if (filter.includes(sequence.name())) {
            sequences.add(sequence);
        }
    }

    /** Whether the table is listed (read and not filtered out). */
    public boolean has(String table) {
        return tables.containsKey(table);
    }

    /** The schema gathered. */
    public Schema schema() {
        keys.forEach((id, key) -> {
            String table = id.get(0);
            String name = id.get(1);
            switch (key.kind) {
                case "PRIMARY KEY" -> primaryKey(table, new PrimaryKey(name, key.columns));
                case "UNIQUE" -> unique(table, new Unique(name, key.columns));
                default -> foreignKey(table, new ForeignKey(name, key.columns, key.referredTable, key.referredColumns,
                        action(key.onDelete), action(key.onUpdate), false));
            }
        });
        keys.clear();
        List<SchemaTable> out = new ArrayList<>();
        tables.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            Parts p = e.getValue();
            p.uniques.sort(Comparator.comparing(Unique::name));
            p.indexes.sort(Comparator.comparing(Index::name));
            p.foreignKeys.sort(Comparator.comparing(ForeignKey::name));
            out.add(new SchemaTable(e.getKey(), p.columns, p.primaryKey, p.uniques, p.indexes, p.foreignKeys,
                    p.comment));
        });
        return new Schema(out, sequences.stream().sorted(Comparator.comparing(SchemaSequence::name)).toList());
    }

    /**
     * A referential action from its SQL words as a catalog shows them ({@code CASCADE}, {@code SET NULL},
     * {@code SET DEFAULT}); null for {@code NO ACTION}, {@code RESTRICT} or nothing.
     */
    public static ReferentialAction action(String rule) {
        if (rule == null) {
            return null;
        }
        return switch (rule.strip().toUpperCase(java.util.Locale.ROOT)) {
            case "CASCADE" -> ReferentialAction.CASCADE;
            case "SET NULL" -> ReferentialAction.SET_NULL;
            case "SET DEFAULT" -> ReferentialAction.SET_DEFAULT;
            default -> null;
        };
    }

    /** Null for a null or blank text, else the text. */
    public static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }

    private static final class Key {
        final String kind;
        final String referredTable;
        final String onDelete;
        final String onUpdate;
        final List<String> columns = new ArrayList<>();
        final List<String> referredColumns = new ArrayList<>();

        Key(String kind, String referredTable, String onDelete, String onUpdate) {
            this.kind = kind;
            this.referredTable = referredTable;
            this.onDelete = onDelete;
            this.onUpdate = onUpdate;
        }
    }

    private static final class Parts {
        final String comment;
        final List<Column> columns = new ArrayList<>();
        PrimaryKey primaryKey;
        final List<Unique> uniques = new ArrayList<>();
        final List<Index> indexes = new ArrayList<>();
        final List<ForeignKey> foreignKeys = new ArrayList<>();

        Parts(String comment) {
            this.comment = comment;
        }
    }
}
