package io.samokoder.migrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.samokoder.migrations.testsupport.TestDatabase;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mariadb.jdbc.MariaDbDataSource;

/**
 * What a revision costs on MariaDB after its statements, and that this bookkeeping (the version
 * change and its log row) commits whole or not at all: the round trips are counted on the wire by a
 * proxy, and the failures are the server's own (a trigger that refuses, a killed connection).
 */
class MariaDbBookkeepingTest {

    private static final String LOG = "samokoder_migrations_log";

    /** Revisions r1..rN of three statements each, as part A of the benchmarks has them. */
    private static void write(Path dir, int n) {
        List<Rev> revs = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            revs.add(Rev.of("r" + i, i == 1 ? "" : "r" + (i - 1))
                    .up("CREATE TABLE t_" + i + " (id BIGINT PRIMARY KEY, name VARCHAR(255) NOT NULL);\n"
                            + "CREATE INDEX ix_t_" + i + " ON t_" + i + " (name);\n"
                            + "INSERT INTO t_" + i + " (id, name) VALUES (1, 'x');")
                    .down("DROP TABLE t_" + i + ";"));
        }
        Rev.writeAll(dir, revs.toArray(Rev[]::new));
    }

    /** The round trips of one run from r1 to {@code target} on a fresh database, through the proxy. */
    private static long roundTripsFromR1(Path dir, String target) throws Exception {
        try (TestDatabase db = MariaDb.fresh("trips")) {
            new Migrations(MariaDb.config(db.dataSource(), dir).build()).upgrade("r1");
            try (RoundTripProxy proxy = new RoundTripProxy(db.jdbcUrl())) {
                // MariaDB's driver, whose round trips the bounds count, whichever driver the server's URL names.
                MariaDbDataSource proxied = new MariaDbDataSource(proxy.url(db.jdbcUrl()).replaceFirst("^jdbc:mysql:",
                        "jdbc:mariadb:"));
                proxied.setUser(db.user());
                proxied.setPassword(db.password());

                new Migrations(MariaDb.config(proxied, dir).build()).upgrade(target);

                long trips = proxy.roundTrips();
                assertThat(MariaDb.versionRows(db.dataSource())).containsExactly(target);
                assertThat(MariaDb.strings(db.dataSource(), "SELECT outcome, count(*) FROM " + LOG
                        + " GROUP BY outcome")).containsExactly("success|" + target.substring(1));
                return trips;
            }
        }
    }

    @Test
    void aRevisionOfThreeStatementsTakesFiveRoundTrips(@TempDir Path dir) throws Exception {
        write(dir, 12);

        long one = roundTripsFromR1(dir, "r2");
        long eleven = roundTripsFromR1(dir, "r12");

        // Per revision: the running row's insert, three statements, and one statement that updates the
        // version row and turns the running row into the success row. The rest of a run is the same
        // for one revision and eleven, but the proxy counts it to within one: a run of one revision was
        // counted 18 round trips, and once 17 (a command the driver sends without waiting for a reply
        // crossing the server's previous reply, or not), so ten revisions are 50 ± 1.
        assertThat(eleven - one).as("round trips of 10 revisions (run of 1: %s, of 11: %s)", one, eleven)
                .isBetween(49L, 51L);
    }

    @Test
    void aFailureInTheBookkeepingCommitsNoneOfIt(@TempDir Path dir) {
        write(dir, 3);
        try (TestDatabase db = MariaDb.fresh("bookfail")) {
            DataSource ds = db.dataSource();
            Migrations migrations = new Migrations(MariaDb.config(ds, dir).build());
            migrations.upgrade("r1");
            MariaDb.exec(ds, "CREATE TRIGGER refuse_r2 BEFORE UPDATE ON " + LOG + " FOR EACH ROW BEGIN"
                    + " IF NEW.revision = 'r2' AND NEW.outcome = 'success' THEN"
                    + " SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'refused by the test'; END IF; END");

            MigrationExecutionException failure = catchThrowableOfType(MigrationExecutionException.class,
                    () -> migrations.upgrade("heads"));

            assertThat(failure.getMessage()).contains("refused by the test")
                    .contains("all its statements were committed, but recording it in the version table failed");
            assertThat(MariaDb.tables(ds)).contains("t_1", "t_2").doesNotContain("t_3");
            assertThat(MariaDb.versionRows(ds)).containsExactly("r1");
            assertThat(MariaDb.strings(ds, "SELECT revision, outcome, LEFT(error, 35) FROM " + LOG + " ORDER BY id"))
                    .containsExactly("r1|success|null", "r2|failed|Partial: applied 3 of 3 statements.");

            PartialRevisionException refusal = catchThrowableOfType(PartialRevisionException.class,
                    () -> migrations.upgrade("heads"));
            assertThat(refusal.revision()).isEqualTo("r2");
            assertThat(refusal.applied()).isEqualTo(3);
            assertThat(refusal.total()).isEqualTo(3);
        }
    }

    @Test
    void aConnectionLostInTheBookkeepingLeavesTheRunningRowAndNothingElse(@TempDir Path dir) throws Exception {
        write(dir, 3);
        try (TestDatabase db = MariaDb.fresh("booklost")) {
            DataSource ds = db.dataSource();
            new Migrations(MariaDb.config(ds, dir).build()).upgrade("r1");
            MariaDb.exec(ds, "CREATE TRIGGER stall_r2 BEFORE UPDATE ON " + LOG + " FOR EACH ROW"
                    + " SET NEW.duration_ms = NEW.duration_ms"
                    + " + IF(NEW.revision = 'r2' AND NEW.outcome = 'success', SLEEP(300), 0)");
            ExecutorService pool = Executors.newSingleThreadExecutor();
            try {
                Future<MigrationResult> run = pool.submit(() -> new Migrations(MariaDb.config(ds, dir).build())
                        .upgrade("heads"));
                String stalled = "SELECT ID FROM information_schema.PROCESSLIST WHERE DB = '" + db.name()
                        + "' AND INFO LIKE 'UPDATE %" + LOG + "%' AND INFO NOT LIKE '%PROCESSLIST%'";
                List<String> ids = List.of();
                for (int i = 0; i < 600 && ids.isEmpty(); i++) {
                    Thread.sleep(50);
                    ids = MariaDb.strings(ds, stalled);
                }
                assertThat(ids).as("the run reached r2's bookkeeping").hasSize(1);

                MariaDb.exec(ds, "KILL CONNECTION " + ids.get(0));

                ExecutionException ended = catchThrowableOfType(ExecutionException.class,
                        () -> run.get(60, TimeUnit.SECONDS));
                assertThat(ended.getCause()).isInstanceOf(MigrationExecutionException.class);
            } finally {
                pool.shutdownNow();
            }
            MariaDb.exec(ds, "DROP TRIGGER stall_r2");

            assertThat(MariaDb.tables(ds)).contains("t_1", "t_2").doesNotContain("t_3");
            assertThat(MariaDb.versionRows(ds)).containsExactly("r1");
            assertThat(MariaDb.strings(ds, "SELECT revision, outcome FROM " + LOG + " ORDER BY id"))
                    .containsExactly("r1|success", "r2|running");
            PartialRevisionException refusal = catchThrowableOfType(PartialRevisionException.class,
                    () -> new Migrations(MariaDb.config(ds, dir).build()).upgrade("heads"));
            assertThat(refusal.revision()).isEqualTo("r2");
            assertThat(refusal.applied()).isEqualTo(-1);
        }
    }
}
