package io.samokoder.migrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.samokoder.migrations.script.ScriptLoader;
import io.samokoder.migrations.testsupport.PostgresDatabaseExtension;
import io.samokoder.migrations.testsupport.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs long enough for the statements to be split ahead of them on another thread: what is recorded
 * and reported is what the scripts say, a script that cannot be split fails the run before its first
 * step, and no thread is left behind.
 */
@ExtendWith(PostgresDatabaseExtension.class)
class PreparedAheadRunTest {

    private static final String THREAD = "samokoder-migrations-prepare";
    private static final int REVISIONS = 40;

    @Test
    void theLogRecordsEachScriptsOwnChecksumAndFileHashInEitherTransactionMode(TestDatabase db, @TempDir Path dir)
            throws Exception {
        List<Rev> revs = chain(REVISIONS, -1);
        Rev.writeAll(dir, revs.toArray(new Rev[0]));
        for (TransactionMode mode : TransactionMode.values()) {
            DataSource ds = Db.schema(db, "ahead_" + mode.name().toLowerCase());
            MigrationResult result = new Migrations(Db.config(ds, dir).transactionMode(mode).build()).upgrade("heads");
            assertThat(result.steps()).hasSize(REVISIONS);
            List<String> expected = new ArrayList<>();
            List<String> fileHashes = new ArrayList<>();
            for (Rev rev : revs) {
                expected.add(ScriptLoader.parse(rev.id() + ".sql", rev.text()).checksum());
                fileHashes.add(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                        .digest(Files.readAllBytes(dir.resolve(rev.id() + ".sql")))));
            }
            assertThat(Db.strings(ds, "SELECT checksum FROM samokoder_migrations_log WHERE outcome = 'success'"
                    + " ORDER BY id")).as(mode.name()).isEqualTo(expected);
            assertThat(Db.strings(ds, "SELECT content_hash FROM samokoder_migrations_log WHERE outcome = 'success'"
                    + " ORDER BY id")).as(mode.name() + ": the SHA-256 of each file").isEqualTo(fileHashes);
            assertNoPreparerLeft();
        }
    }

    @Test
    void aScriptThatCannotBeSplitFailsTheRunBeforeItsFirstStep(TestDatabase db, @TempDir Path dir)
            throws Exception {
        DataSource ds = Db.schema(db, "ahead_bad");
        List<Rev> revs = chain(REVISIONS, 25);
        Rev.writeAll(dir, revs.toArray(new Rev[0]));
        assertThatThrownBy(() -> new Migrations(Db.config(ds, dir).build()).upgrade("heads"))
                .isInstanceOf(MigrationException.class).hasMessageContaining("r025.sql");
        assertThat(Db.tableExists(ds, "ahead_bad", "t1")).as("r001 did not run").isFalse();
        assertThat(Db.tableExists(ds, "ahead_bad", "alembic_version")).as("the database is as it was").isFalse();
        assertNoPreparerLeft();
    }

    /** Revisions r001..rN in a chain; the one numbered {@code bad} has an unterminated string. */
    private static List<Rev> chain(int n, int bad) {
        List<Rev> revs = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            String id = String.format("r%03d", i);
            String table = "t" + i;
            String up = i == bad ? "INSERT INTO t1 VALUES ('never closed);"
                    : "CREATE TABLE " + table + " (id int);\nCREATE INDEX " + table + "_id ON " + table + " (id);";
            revs.add(Rev.of(id, i == 1 ? "" : String.format("r%03d", i - 1)).up(up).down("DROP TABLE " + table + ";"));
        }
        return revs;
    }

    private static void assertNoPreparerLeft() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline && preparers() > 0) {
            TimeUnit.MILLISECONDS.sleep(10);
        }
        assertThat(preparers()).as("threads named " + THREAD + " still alive").isZero();
    }

    private static long preparers() {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().equals(THREAD) && t.isAlive())
                .count();
    }
}
