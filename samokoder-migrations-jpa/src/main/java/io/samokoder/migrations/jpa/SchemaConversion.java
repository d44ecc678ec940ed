package io.samokoder.migrations.jpa;

import io.samokoder.migrations.dialect.Dialect;
import io.samokoder.migrations.ops.Column;
import io.samokoder.migrations.ops.ForeignKey;
import io.samokoder.migrations.ops.Index;
import io.samokoder.migrations.ops.IndexElement;
import io.samokoder.migrations.ops.PrimaryKey;
import io.samokoder.migrations.ops.ReferentialAction;
import io.samokoder.migrations.ops.Unique;
import io.samokoder.migrations.schema.Schema;
import io.samokoder.migrations.schema.SchemaSequence;
import io.samokoder.migrations.schema.SchemaTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.hibernate.annotations.OnDeleteAction;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.model.naming.Identifier;
import org.hibernate.boot.model.relational.Namespace;
import org.hibernate.boot.model.relational.Sequence;
import org.hibernate.mapping.Collection;
import org.hibernate.mapping.PersistentClass;
import org.hibernate.mapping.Selectable;
import org.hibernate.mapping.Table;
import org.hibernate.mapping.UniqueKey;

/**
 * Converts Hibernate's mapping to a {@link Schema}: the physical tables and sequences of the default
 * namespace (those of an explicit other schema or catalog are left out, as the catalog readers read the
 * current one only, and so are foreign keys to them), with names folded as the database folds those the
 * mapping did not quote. Check constraints are left out: autogenerate does not compare them.
 */
final class SchemaConversion {

    private final Metadata metadata;
    private final String database;
    private final boolean foldNames;
    private final TypeMapping types;

    SchemaConversion(Metadata metadata, Dialect dialect) {
        this.metadata = metadata;
        this.database = dialect.name();
        this.foldNames = HibernateDialects.foldsUnquotedNames(dialect);
        this.types = new TypeMapping(metadata, dialect);
    }

    Schema convert() {
        List<SchemaTable> tables = new ArrayList<>();
        List<SchemaSequence> sequences = new ArrayList<>();
        for (Namespace namespace : metadata.getDatabase().getNamespaces()) {
            if (namespace.getName().schema() != null || namespace.getName().catalog() != null) {
                continue;
            }
            for (Table table : namespace.getTables()) {
                if (table.isPhysicalTable()) {
                    tables.add(table(table));
                }
            }
            for (Sequence sequence : namespace.getSequences()) {
                sequences.add(new SchemaSequence(name(sequence.getName().getSequenceName()),
                        sequence.getInitialValue(), sequence.getIncrementSize()));
            }
        }
        return new Schema(tables, sequences);
    }

    private SchemaTable table(Table table) {
        String name = name(table.getNameIdentifier());
        List<String> keyColumns = table.hasPrimaryKey() ? columnNames(table.getPrimaryKey().getColumns()) : List.of();
        List<Column> columns = new ArrayList<>();
        for (org.hibernate.mapping.Column column : table.getColumns()) {
            String columnName = columnName(column);
            Column converted = Column.of(columnName, typeOf(table, name, column));
            if (!column.isNullable() || keyColumns.contains(columnName)) {
                converted = converted.notNull();
            }
            if (column.isIdentity()) {
                converted = converted.autoincrement();
            }
            ColumnDefinition definition = column.getSqlType() == null ? null
                    : ColumnDefinition.parse(column.getSqlType());
            if (definition != null && definition.notNull()) {
                converted = converted.notNull();
            }
            if (column.getDefaultValue() != null) {
                converted = converted.serverDefault(column.getDefaultValue());
            } else if (definition != null && definition.serverDefault() != null) {
                converted = converted.serverDefault(definition.serverDefault());
            }
            if (column.getComment() != null) {
                converted = converted.comment(column.getComment());
            }
            columns.add(converted);
        }
        PrimaryKey primaryKey = keyColumns.isEmpty() ? null : new PrimaryKey(null, keyColumns);
        return new SchemaTable(name, columns, primaryKey, uniques(table, keyColumns), indexes(table, name),
                foreignKeys(table), table.getComment());
    }

    /** Unique keys, those of one column Hibernate keeps on the column ({@code @Column(unique = true)}) first. */
    /** The column's type, or an error naming the column and its entity when Hibernate has none for it. */
    private io.samokoder.migrations.ops.Type typeOf(Table table, String tableName, org.hibernate.mapping.Column column) {
        try {
            return types.typeOf(column);
        } catch (RuntimeException e) {
            throw new IllegalStateException("Column " + tableName + "." + columnName(column) + " of " + owner(table)
                    + " has no SQL type on " + database + ": " + e.getMessage() + ". Map it to a type this database"
                    + " has (the application would fail the same way on it)", e);
        }
    }

    /** The entity or collection whose table it is, for messages. */
    private String owner(Table table) {
        for (PersistentClass entity : metadata.getEntityBindings()) {
            if (entity.getTable() == table) {
                return "entity " + entity.getClassName();
            }
        }
        for (Collection collection : metadata.getCollectionBindings()) {
            if (collection.getCollectionTable() == table) {
                return "collection " + collection.getRole();
            }
        }
        return "table " + table.getName();
    }

    private List<Unique> uniques(Table table, List<String> keyColumns) {
        List<Unique> uniques = new ArrayList<>();
        for (org.hibernate.mapping.Column column : table.getColumns()) {
            String columnName = columnName(column);
            if (column.isUnique() && !List.of(columnName).equals(keyColumns)) {
                uniques.add(new Unique(constraintName(column.getUniqueKeyName()), List.of(columnName)));
            }
        }
        for (UniqueKey key : table.getUniqueKeys().values()) {
            if (!table.isRedundantUniqueKey(key)) {
                uniques.add(new Unique(constraintName(key.getName()), columnNames(key.getColumns())));
            }
        }
        return uniques;
    }

    private List<Index> indexes(Table table, String tableName) {
        List<Index> indexes = new ArrayList<>();
        for (org.hibernate.mapping.Index index : table.getIndexes().values()) {
            List<IndexElement> elements = new ArrayList<>();
            for (Selectable selectable : index.getSelectables()) {
                elements.add(selectable instanceof org.hibernate.mapping.Column column
                        ? new IndexElement(columnName(column), false)
                        : new IndexElement(selectable.getText(), true));
            }
            indexes.add(new Index(constraintName(index.getName()), tableName, elements, index.isUnique(), null,
                    false));
        }
        return indexes;
    }

    private List<ForeignKey> foreignKeys(Table table) {
        List<ForeignKey> keys = new ArrayList<>();
        for (org.hibernate.mapping.ForeignKey key : table.getForeignKeyCollection()) {
            if (!key.isCreationEnabled() || !key.isPhysicalConstraint()) {
                continue;
            }
            Table referred = key.getReferencedTable();
            if (referred.getSchema() != null || referred.getCatalog() != null) {
                // A key to a table of another schema, left out as that table is: written unqualified, it would
                // name a table of the current schema.
                continue;
            }
            List<org.hibernate.mapping.Column> referredColumns = key.isReferenceToPrimaryKey()
                    ? referred.getPrimaryKey().getColumns() : key.getReferencedColumns();
            keys.add(new ForeignKey(constraintName(key.getName()), columnNames(key.getColumns()),
                    name(referred.getNameIdentifier()), columnNames(referredColumns), onDelete(key.getOnDeleteAction()),
                    null, false));
        }
        return keys;
    }

    private static ReferentialAction onDelete(OnDeleteAction action) {
        if (action == null) {
            return null;
        }
        return switch (action) {
            case CASCADE -> ReferentialAction.CASCADE;
            case SET_NULL -> ReferentialAction.SET_NULL;
            case SET_DEFAULT -> ReferentialAction.SET_DEFAULT;
            case RESTRICT -> ReferentialAction.RESTRICT;
            case NO_ACTION -> null;
        };
    }

    private List<String> columnNames(List<org.hibernate.mapping.Column> columns) {
        return columns.stream().map(this::columnName).toList();
    }

    private String columnName(org.hibernate.mapping.Column column) {
        return fold(column.getName(), column.isQuoted());
    }

    private String name(Identifier identifier) {
        return fold(identifier.getText(), identifier.isQuoted());
    }

    /** A constraint or index name, which Hibernate may give quoted (in backticks) or not. */
    private String constraintName(String name) {
        if (name == null) {
            return null;
        }
        Identifier identifier = Identifier.toIdentifier(name);
        return fold(identifier.getText(), identifier.isQuoted());
    }

    private String fold(String name, boolean quoted) {
        return quoted || !foldNames ? name : name.toLowerCase(Locale.ROOT);
    }
}
