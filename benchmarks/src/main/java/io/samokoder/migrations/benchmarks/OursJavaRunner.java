package io.samokoder.migrations.benchmarks;

import io.samokoder.migrations.Migrations;
import io.samokoder.migrations.MigrationsConfig;
import io.samokoder.migrations.java.JavaRevision;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * Ours with the workload as Java revisions ({@link JavaRevisionWorkload}): loads and instantiates the
 * compiled classes, inside the timing as an application's own start pays it, and upgrades to heads
 * with the defaults, registered through {@code MigrationsConfig.builder().javaRevisions(...)}.
 */
final class OursJavaRunner implements ToolRunner {

    private final StepClock clock = new StepClock();

    @Override
    public void migrate(DataSource dataSource, Path dir) throws Exception {
        List<JavaRevision> revisions = new ArrayList<>();
        URL classes = dir.resolve(JavaRevisionWorkload.CLASSES).toUri().toURL();
        // Not closed: the engine may still touch the classes after upgrade returns (warm runs reload them).
        ClassLoader loader = new URLClassLoader(new URL[] {classes}, OursJavaRunner.class.getClassLoader());
        for (String name : Files.readAllLines(dir.resolve(JavaRevisionWorkload.LIST), StandardCharsets.UTF_8)) {
            revisions.add((JavaRevision) Class.forName(name, true, loader).getDeclaredConstructor().newInstance());
        }
        new Migrations(MigrationsConfig.builder()
                .dataSource(dataSource)
                .javaRevisions(revisions)
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
        return new OursRunner(true).applied(dataSource);
    }
}
