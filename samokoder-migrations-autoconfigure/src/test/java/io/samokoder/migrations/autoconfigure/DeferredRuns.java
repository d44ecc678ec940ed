package io.samokoder.migrations.autoconfigure;

import io.samokoder.migrations.testsupport.TestDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ConfigurableApplicationContext;

/** What the starter's tests of deferred and contract revisions share: scripts, the ready event, the run's end. */
final class DeferredRuns {

    private DeferredRuns() {
    }

    /** Writes an SQL revision script with extra header lines ({@code headers}, each ending in a line break). */
    static void script(Path dir, String file, String id, String revises, String headers, String up, String down)
            throws IOException {
        Files.writeString(dir.resolve(file), "-- Revision " + id + "\n--\n-- Revision ID: " + id
                + "\n-- Revises: " + revises + "\n" + headers + "\n-- migrate:upgrade\n" + up
                + "\n\n-- migrate:downgrade\n" + down + "\n");
    }

    /** The version table's rows, sorted. */
    static List<String> rows(TestDatabase db) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = db.connect();
                ResultSet rs = c.createStatement().executeQuery("SELECT version_num FROM alembic_version ORDER BY 1")) {
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
        }
        return rows;
    }

    /** Tells the context the application is ready, which starts the run of the deferred revisions. */
    static void ready(ConfigurableApplicationContext context) {
        context.publishEvent(new ApplicationReadyEvent(new SpringApplication(), new String[0], context,
                Duration.ZERO));
    }

    /** The report once the deferred run has ended (within 20 s). */
    static MigrationsReport awaitDeferredRun(ConfigurableApplicationContext context) throws InterruptedException {
        MigrationsInitializer initializer = context.getBean(MigrationsInitializer.class);
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            MigrationsReport report = initializer.report();
            if (report.deferredRun() != null
                    && report.deferredRun().outcome() != MigrationsReport.Outcome.RUNNING) {
                return report;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the deferred revisions did not finish");
    }
}
