package io.samokoder.migrations.dialect;

import io.samokoder.migrations.ops.Constraint;
import io.samokoder.migrations.ops.ForeignKey;
import io.samokoder.migrations.ops.Index;
import io.samokoder.migrations.ops.Operation;
import io.samokoder.migrations.ops.OperationRenderer;
import io.samokoder.migrations.ops.Unique;
import io.samokoder.migrations.schema.Schema;
import io.samokoder.migrations.schema.SchemaSequence;
import io.samokoder.migrations.schema.SchemaTable;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Test helper: creates a {@link Schema} on a real database with the operations API, each table by one
 * {@code createTable} (key, uniques and foreign keys as its constraints, so tables must come after those
 * they refer to) and its indexes by {@code createIndex}; sequences by plain {@code CREATE SEQUENCE}.
 */
public final class SchemaWriter {

    private SchemaWriter() {
    }

    /** Renders the schema with the dialect's renderer and runs the statements on the connection. */
    public static void create(Connection connection, Dialect dialect, Schema schema) throws SQLException {
        OperationRenderer renderer = dialect.operations();
        try (Statement st = connection.createStatement()) {
            for (SchemaTable table : schema.tables()) {
                List<Constraint> constraints = new ArrayList<>();
                if (table.primaryKey() != null) {
                    constraints.add(table.primaryKey());
                }
                constraints.addAll(table.uniques());
                constraints.addAll(table.foreignKeys());
                for (String sql : renderer.render(new Operation.CreateTable(table.name(), table.columns(), constraints,
                        table.comment()))) {
                    st.execute(sql);
                }
                for (Index index : table.indexes()) {
                    for (String sql : renderer.render(new Operation.CreateIndex(index))) {
                        st.execute(sql);
                    }
                }
            }
            for (SchemaSequence s : schema.sequences()) {
                st.execute("CREATE SEQUENCE " + s.name() + " START WITH " + s.start() + " INCREMENT BY " + s.increment());
            }
        }
    }

    /** The same schema with tables, sequences, uniques, indexes and foreign keys sorted by name, as readers give them. */
    public static Schema sorted(Schema schema) {
        return new Schema(schema.tables().stream().map(t -> new SchemaTable(t.name(), t.columns(), t.primaryKey(),
                t.uniques().stream().sorted(Comparator.comparing(Unique::name)).toList(),
                t.indexes().stream().sorted(Comparator.comparing(Index::name)).toList(),
                t.foreignKeys().stream().sorted(Comparator.comparing(ForeignKey::name)).toList(), t.comment()))
                .sorted(Comparator.comparing(SchemaTable::name)).toList(),
                schema.sequences().stream().sorted(Comparator.comparing(SchemaSequence::name)).toList());
    }
}
