package io.samokoder.migrations.cli.command;

import io.samokoder.migrations.Migrations;
import io.samokoder.migrations.dialect.Dialect;
import io.samokoder.migrations.ops.Operation;
import io.samokoder.migrations.schema.CompareOptions;
import io.samokoder.migrations.schema.ModelSource;
import io.samokoder.migrations.schema.Schema;
import io.samokoder.migrations.schema.SchemaChange;
import io.samokoder.migrations.schema.SchemaDiff;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The comparison of {@code revision --autogenerate} and {@code check}: the workspace's model against the
 * database at its heads, with each detected change printed as Alembic logs it ({@code Detected added table
 * 'users'}) and each note as a warning, on the error stream.
 *
 * @param dialect the database's dialect
 * @param diff    what differs
 */
record SchemaComparison(Dialect dialect, SchemaDiff diff) {

    /**
     * Compares.
     *
     * @param command            the command, for messages: {@code revision --autogenerate} or {@code check}
     * @param excludeTables      tables excluded by the command's options, besides the configured ones
     * @param skipServerDefaults whether the command turned the comparison of defaults off
     * @throws CommandFailedException without a model, saying where there is one
     */
    static SchemaComparison run(Workspace workspace, Output output, String command, List<String> excludeTables,
            boolean skipServerDefaults) {
        ModelSource source = workspace.modelSource();
        if (source == null) {
            throw new CommandFailedException(workspace.hints().noModel(command));
        }
        Migrations engine = workspace.database(command);
        Dialect dialect = engine.dialect();
        AutogenerateSettings settings = workspace.autogenerate();
        CompareOptions options = CompareOptions.defaults(dialect)
                .withCompareServerDefaults(settings.compareServerDefaults() && !skipServerDefaults)
                .withDropUnmappedTables(settings.dropUnmappedTables());
        List<String> excluded = new ArrayList<>(settings.excludeTables());
        excluded.addAll(excludeTables);
        Schema model;
        try {
            model = source.model(dialect, databaseVersion(engine));
        } catch (IllegalStateException e) {
            throw new CommandFailedException("The application's model cannot be built: " + e.getMessage(), e);
        }
        SchemaDiff diff = engine.compareSchema(model, options, excluded);
        for (SchemaChange change : diff.changes()) {
            output.progress(change.message());
        }
        for (String note : diff.notes()) {
            output.progress("WARNING: " + note);
        }
        return new SchemaComparison(dialect, diff);
    }

    /** The server's version, for a model whose mapping depends on it; null when the driver cannot say. */
    private static String databaseVersion(Migrations engine) {
        try (Connection connection = engine.config().dataSource().getConnection()) {
            return connection.getMetaData().getDatabaseProductVersion();
        } catch (SQLException e) {
            return null;
        }
    }

    /**
     * The revision's body: the upgrade operations in dependency order, each under the message of the change it
     * comes from, and the downgrade operations.
     */
    RevisionBody body() {
        List<RevisionBody.Step> upgrade = new ArrayList<>();
        for (Operation operation : this.diff.upgrade()) {
            upgrade.add(new RevisionBody.Step(messageOf(operation), operation));
        }
        List<RevisionBody.Step> downgrade = new ArrayList<>();
        for (Operation operation : this.diff.downgrade()) {
            downgrade.add(new RevisionBody.Step(null, operation));
        }
        return new RevisionBody(upgrade, downgrade, this.dialect.operations());
    }

    private String messageOf(Operation operation) {
        for (SchemaChange change : this.diff.changes()) {
            if (change.upgrade().contains(operation)) {
                return change.message();
            }
        }
        return null;
    }

    /** The changes as JSON objects: kind, message, and Alembic's diff tuple. */
    List<Map<String, Object>> json() {
        List<Map<String, Object>> changes = new ArrayList<>();
        for (SchemaChange change : this.diff.changes()) {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("kind", change.kind());
            one.put("message", change.message());
            one.put("tuple", change.tuple());
            changes.add(one);
        }
        return changes;
    }
}
