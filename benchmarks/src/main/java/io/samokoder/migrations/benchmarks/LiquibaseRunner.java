package io.samokoder.migrations.benchmarks;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import javax.sql.DataSource;
import liquibase.Scope;
import liquibase.command.CommandScope;
import liquibase.command.core.UpdateCommandStep;
import liquibase.command.core.helpers.DbUrlConnectionArgumentsCommandStep;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.DirectoryResourceAccessor;
import liquibase.ui.LoggerUIService;

/**
 * Liquibase's update command over formatted-SQL changelogs, as an embedding application runs it.
 * Usage analytics are off ({@code liquibase.analytics.enabled=false}, set on the child's command
 * line) and its console output goes to its (silenced) logger.
 */
final class LiquibaseRunner implements ToolRunner {

    @Override
    @SuppressWarnings("try") // Liquibase declares close() with InterruptedException; it is only closed here
    public void migrate(DataSource dataSource, Path dir) throws Exception {
        try (Connection connection = dataSource.getConnection();
                DirectoryResourceAccessor accessor = new DirectoryResourceAccessor(dir)) {
            Map<String, Object> scope = Map.of(
                    Scope.Attr.resourceAccessor.name(), accessor,
                    Scope.Attr.ui.name(), new LoggerUIService());
            Scope.child(scope, () -> {
                Database database = DatabaseFactory.getInstance()
                        .findCorrectDatabaseImplementation(new JdbcConnection(connection));
                new CommandScope(UpdateCommandStep.COMMAND_NAME)
                        .addArgumentValue(DbUrlConnectionArgumentsCommandStep.DATABASE_ARG, database)
                        .addArgumentValue(UpdateCommandStep.CHANGELOG_FILE_ARG, "changelog.xml")
                        .execute();
            });
        }
    }

    @Override
    public long applied(DataSource dataSource) throws SQLException {
        return ToolRunner.count(dataSource, "SELECT count(*) FROM DATABASECHANGELOG");
    }
}
