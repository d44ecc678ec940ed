package io.samokoder.migrations.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import io.samokoder.migrations.dialect.Dialect;
import io.samokoder.migrations.ops.Column;
import io.samokoder.migrations.ops.Operation;
import io.samokoder.migrations.schema.CompareOptions;
import io.samokoder.migrations.schema.Schema;
import io.samokoder.migrations.schema.SchemaChange;
import io.samokoder.migrations.schema.SchemaComparator;
import io.samokoder.migrations.schema.SchemaDiff;
import io.samokoder.migrations.schema.SchemaTable;
import io.samokoder.migrations.schema.TableFilter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.List;

/**
 * Test helper: the autogenerate loop on one database. A model compared with the catalog gives a diff; its
 * upgrade, rendered by the dialect and run, makes the next comparison empty; its downgrade brings the catalog
 * back to what it was.
 */
final class AutogenerateRoundTrip {

    private final Connection connection;
    private final Dialect dialect;

    /** A loop on this connection. */
    AutogenerateRoundTrip(Connection connection, Dialect dialect) {
        this.connection = connection;
        this.dialect = dialect;
    }

    /** The catalog as the dialect's reader reads it. */
    Schema catalog() throws SQLException {
        return dialect.schemaReader().read(connection, TableFilter.excluding(List.of()));
    }

    /**
     * The catalog with each table's columns by name: a downgrade adds a dropped column back at the end of its
     * table, so column order is all it cannot give back.
     */
    Schema catalogByName() throws SQLException {
        Schema schema = catalog();
        return new Schema(schema.tables().stream().map(t -> new SchemaTable(t.name(),
                t.columns().stream().sorted(Comparator.comparing(Column::name)).toList(), t.primaryKey(),
                t.uniques(), t.indexes(), t.foreignKeys(), t.comment())).toList(), schema.sequences());
    }

    /** The model compared with the catalog. */
    SchemaDiff diff(JpaModel model) throws SQLException {
        return SchemaComparator.compare(model.model(dialect), catalog(), CompareOptions.defaults(dialect));
    }

    /**
     * Upgrades to the model, checks a second comparison finds nothing, and returns the diff applied.
     */
    SchemaDiff upgrade(JpaModel model) throws SQLException {
        SchemaDiff diff = diff(model);
        assertThat(diff.isEmpty()).as("a model that differs gives a diff").isFalse();
        run(diff.upgrade());
        assertNoChanges(model);
        return diff;
    }

    /** Checks the model and the catalog compare equal, listing what differs when they do not. */
    void assertNoChanges(JpaModel model) throws SQLException {
        SchemaDiff again = diff(model);
        assertThat(again.changes()).as("changes found after the upgrade on %s", dialect.name())
                .extracting(SchemaChange::message).isEmpty();
    }

    /** Runs the operations as the dialect renders them. */
    void run(List<Operation> operations) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (Operation operation : operations) {
                for (String sql : dialect.operations().render(operation)) {
                    statement.execute(sql);
                }
            }
        }
    }
}
