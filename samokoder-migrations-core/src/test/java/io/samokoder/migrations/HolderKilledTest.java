package io.samokoder.migrations;

import static org.assertj.core.api.Assertions.assertThat;

import io.samokoder.migrations.testsupport.PostgresDatabaseExtension;
import io.samokoder.migrations.testsupport.TestDatabase;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A child JVM holding the lock inside a slow revision is killed with SIGKILL; another engine then
 * completes without any manual step, and the killed revision left nothing behind.
 */
@ExtendWith(PostgresDatabaseExtension.class)
class HolderKilledTest {

    @Test
    void anotherEngineTakesOverAfterTheHolderIsKilled(TestDatabase db, @TempDir Path dir) throws Exception {
        DataSource ds = Db.schema(db, "killed");
        Db.exec(ds, "CREATE TABLE side_effect (revision text)");
        Rev.writeAll(dir,
                Rev.of("r1", "").up("INSERT INTO side_effect VALUES ('r1');").down("SELECT 1;"),
                Rev.of("r2", "r1").message("Slow when run by the doomed child")
                        .up("CREATE TABLE made_by_r2 (id int);\nINSERT INTO side_effect VALUES ('r2');\n"
                                + "SELECT pg_sleep(CASE WHEN current_setting('application_name') = 'doomed-child'"
                                + " THEN 300 ELSE 0 END);")
                        .down("DROP TABLE made_by_r2;"),
                Rev.of("r3", "r2").up("INSERT INTO side_effect VALUES ('r3');").down("SELECT 1;"));

        Process child = ChildMigrator.start(db, "killed", "filesystem:" + dir, "heads", "doomed-child");
        try {
            boolean sleeping = false;
            for (int i = 0; i < 600 && !sleeping; i++) {
                sleeping = Db.count(ds, "SELECT count(*) FROM pg_stat_activity WHERE application_name = 'doomed-child'"
                        + " AND state = 'active' AND query LIKE '%pg_sleep%'") == 1;
                Thread.sleep(50);
            }
            assertThat(sleeping).as("the child reached the slow revision").isTrue();
            assertThat(Db.versionRows(ds)).containsExactly("r1");
        } finally {
            child.destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }

        long start = System.nanoTime();
        MigrationResult result = new Migrations(Db.config(ds, dir).lockWaitTimeout(Duration.ofSeconds(60)).build())
                .upgrade("heads");
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(took).isLessThan(Duration.ofSeconds(20));
        assertThat(result.steps()).extracting(StepResult::revision).containsExactly("r2", "r3");
        assertThat(Db.versionRows(ds)).containsExactly("r3");
        // The killed session's transaction may still be sleeping on the server; it never commits.
        Db.exec(ds, "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'doomed-child'");
        assertThat(Db.strings(ds, "SELECT revision || ' ' || count(*) FROM side_effect GROUP BY revision ORDER BY 1"))
                .containsExactly("r1 1", "r2 1", "r3 1");
        assertThat(Db.strings(ds, "SELECT revision || ' ' || outcome FROM samokoder_migrations_log ORDER BY id"))
                .containsExactly("r1 success", "r2 success", "r3 success");
    }
}
