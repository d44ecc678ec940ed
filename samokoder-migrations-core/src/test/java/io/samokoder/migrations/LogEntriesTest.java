package io.samokoder.migrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.samokoder.migrations.testsupport.PostgresDatabaseExtension;
import io.samokoder.migrations.testsupport.TestDatabase;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** {@link Migrations#log(int)}: the log table's rows, newest first, as written; real PostgreSQL. */
@ExtendWith(PostgresDatabaseExtension.class)
class LogEntriesTest {

    @Test
    void theLatestRowsComeNewestFirstWithWhatTheyRecorded(TestDatabase db, @TempDir Path dir) {
        DataSource ds = Db.schema(db, "log_rows");
        Rev.writeAll(dir, Rev.of("a1", "").up("CREATE TABLE t (id int);").down("DROP TABLE t;"),
                Rev.of("b2", "a1").message("Add a column").up("ALTER TABLE t ADD COLUMN v text;")
                        .down("ALTER TABLE t DROP COLUMN v;"),
                Rev.of("c3", "b2").up("ALTER TABLE no_such_table ADD COLUMN w text;").down("SELECT 1;"));
        Migrations migrations = new Migrations(Db.config(ds, dir).build());
        assertThat(migrations.log(10)).as("no log table yet").isEmpty();
        Instant before = Instant.now().minusSeconds(60);

        assertThatThrownBy(() -> migrations.upgrade("heads")).isInstanceOf(MigrationExecutionException.class);

        List<LogEntry> log = migrations.log(10);
        assertThat(log).extracting(LogEntry::revision).containsExactly("c3", "b2", "a1");
        assertThat(log).extracting(LogEntry::direction).containsOnly("up");
        assertThat(log).extracting(LogEntry::outcome).containsExactly("failed", "success", "success");
        assertThat(log.get(0).error()).contains("no_such_table");
        assertThat(log.get(1).message()).isEqualTo("Add a column");
        assertThat(log.get(1).revises()).isEqualTo("a1");
        assertThat(log.get(1).checksum()).isEqualTo(migrations.scripts().get(1).checksum());
        assertThat(log.get(1).databaseUser()).isEqualTo(db.user());
        assertThat(log.get(1).startedAt()).isAfter(before);
        assertThat(log.get(0).id()).isGreaterThan(log.get(1).id());
        assertThat(migrations.log(1)).extracting(LogEntry::revision).containsExactly("c3");
        // Pages, newest first: the next one passes over what the first showed.
        assertThat(migrations.log(2, 1)).extracting(LogEntry::revision).containsExactly("b2", "a1");
        assertThat(migrations.log(2, 2)).extracting(LogEntry::revision).containsExactly("a1");
        assertThat(migrations.log(2, 5)).isEmpty();
        assertThatThrownBy(() -> migrations.log(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> migrations.log(1, -1)).isInstanceOf(IllegalArgumentException.class);
    }
}
