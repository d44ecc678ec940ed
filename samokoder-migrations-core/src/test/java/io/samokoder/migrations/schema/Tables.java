package io.samokoder.migrations.schema;

import io.samokoder.migrations.ops.Column;
import io.samokoder.migrations.ops.ForeignKey;
import io.samokoder.migrations.ops.Index;
import io.samokoder.migrations.ops.PrimaryKey;
import io.samokoder.migrations.ops.Type;
import io.samokoder.migrations.ops.Unique;
import java.util.ArrayList;
import java.util.List;

/** Test helper: builds schema tables and schemas briefly. */
final class Tables {

    private final String name;
    private final List<Column> columns = new ArrayList<>();
    private PrimaryKey primaryKey;
    private final List<Unique> uniques = new ArrayList<>();
    private final List<Index> indexes = new ArrayList<>();
    private final List<ForeignKey> foreignKeys = new ArrayList<>();
    private String comment;

    private Tables(String name) {
        this.name = name;
    }

    static Tables table(String name) {
        return new Tables(name);
    }

    /** A table {@code name} of an identity {@code id} key and these columns. */
    static Tables keyed(String name, Column... columns) {
        Tables t = table(name).column(Column.of("id", Type.BIGINT).notNull().autoincrement())
                .primaryKey(new PrimaryKey("pk_" + name, List.of("id")));
        for (Column c : columns) {
            t.column(c);
        }
        return t;
    }

    Tables column(Column column) {
        columns.add(column);
        return this;
    }

    Tables primaryKey(PrimaryKey key) {
        primaryKey = key;
        return this;
    }

    Tables unique(Unique unique) {
        uniques.add(unique);
        return this;
    }

    Tables index(Index index) {
        indexes.add(index);
        return this;
    }

    Tables foreignKey(ForeignKey key) {
        foreignKeys.add(key);
        return this;
    }

    Tables comment(String text) {
        comment = text;
        return this;
    }

    SchemaTable build() {
        return new SchemaTable(name, columns, primaryKey, uniques, indexes, foreignKeys, comment);
    }

    static Schema schema(Tables... tables) {
        return new Schema(java.util.Arrays.stream(tables).map(Tables::build).toList(), List.of());
    }
}
