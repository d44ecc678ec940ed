package io.samokoder.migrations.benchmarks;

import java.nio.file.Path;
import java.sql.SQLException;
import javax.sql.DataSource;

/** Samokoder Migrations through its facade. */
final class OursRunner implements ToolRunner {

    @Override
    public void migrate(DataSource dataSource, Path dir) {
        throw new UnsupportedOperationException("The facade io.samokoder.migrations.Migrations is not on this branch yet");
    }

    @Override
    public long applied(DataSource dataSource) throws SQLException {
        return ToolRunner.count(dataSource, "SELECT count(*) FROM alembic_version");
    }
}
