package io.samokoder.migrations.benchmarks;

import java.nio.file.Path;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/** Flyway Community with its PostgreSQL module, configured as an application would: migrate on start. */
final class FlywayRunner implements ToolRunner {

    @Override
    public void migrate(DataSource dataSource, Path dir) {
        Flyway.configure()
                .dataSource(dataSource)
                .locations("filesystem:" + dir)
                .loggers("slf4j")
                .load()
                .migrate();
    }

    @Override
    public long applied(DataSource dataSource) throws SQLException {
        return ToolRunner.count(dataSource, "SELECT count(*) FROM flyway_schema_history WHERE success AND version IS NOT NULL");
    }
}
