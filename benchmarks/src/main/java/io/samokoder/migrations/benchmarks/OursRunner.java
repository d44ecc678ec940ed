package io.samokoder.migrations.benchmarks;

import io.samokoder.migrations.Migrations;
import io.samokoder.migrations.MigrationsConfig;
import java.nio.file.Path;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * Samokoder Migrations through its facade, with its defaults, as the starter runs it: upgrade to
 * heads. With {@code fastStart} off, every no-op start takes the full path (scripts read, lock,
 * checks, plan), as the first start of a new build does.
 */
final class OursRunner implements ToolRunner {

    private final boolean fastStart;
    private final StepClock clock = new StepClock();

    OursRunner(boolean fastStart) {
        this.fastStart = fastStart;
    }

    @Override
    public void migrate(DataSource dataSource, Path dir) {
        new Migrations(MigrationsConfig.builder()
                .dataSource(dataSource)
                .locations("filesystem:" + dir)
                .fastStart(this.fastStart)
                .listener(this.clock)
                .build())
                .upgrade("heads");
    }

    @Override
    public long[] stepStarts() {
        return this.clock.starts();
    }

    @Override
    public long applied(DataSource dataSource) throws SQLException {
        return ToolRunner.count(dataSource, "SELECT count(DISTINCT revision) FROM samokoder_migrations_log WHERE direction = 'up' AND outcome = 'success'");
    }
}
