package io.samokoder.migrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.samokoder.migrations.testsupport.TestDatabase;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Contract revisions on MariaDB, where DDL is not transactional: a start holds one; the deploy job's contract step
 * that stops part-way is refused again as any revision left part-way, while starts, which hold it, go on.
 */
class MariaDbContractRevisionTest {

    private static final Set<Leaving> START = EnumSet.of(Leaving.DEFERRED, Leaving.CONTRACT);

    @Test
    void aContractStepLeftPartWayStopsNoStartThatHoldsIt(@TempDir Path dir) {
        Rev.writeAll(dir, Rev.of("a1", "").up("CREATE TABLE orders (id INT, note TEXT, code TEXT);")
                .down("DROP TABLE orders;"));
        try (TestDatabase db = MariaDb.fresh("contract")) {
            DataSource ds = db.dataSource();
            new Migrations(MariaDb.config(ds, dir).build()).upgradeLeaving(START);
            Rev.writeAll(dir, Rev.of("b2", "a1").up("ALTER TABLE orders ADD COLUMN remark TEXT;")
                            .down("ALTER TABLE orders DROP COLUMN remark;"),
                    Rev.of("c3", "b2").header("Phase", "contract")
                            .up("ALTER TABLE orders DROP COLUMN note;\nALTER TABLE orders DROP COLUMN no_such_column;")
                            .down("ALTER TABLE orders ADD COLUMN note TEXT;"));
            Migrations migrations = new Migrations(MariaDb.config(ds, dir).build());

            assertThat(migrations.upgradeLeaving(START).steps()).extracting(StepResult::revision)
                    .containsExactly("b2");
            assertThat(migrations.pendingContract()).containsExactly("c3");
            // The deploy job's step: the first statement commits, the second fails.
            assertThatThrownBy(() -> migrations.upgrade("heads")).isInstanceOf(MigrationExecutionException.class)
                    .hasMessageContaining("Revision c3 failed at statement 2");
            assertThat(MariaDb.versionRows(ds)).containsExactly("b2");

            // A start holds c3, so what c3 left does not concern it ...
            MigrationResult start = new Migrations(MariaDb.config(ds, dir).build()).upgradeLeaving(START);
            assertThat(start.steps()).isEmpty();
            assertThat(start.rowsAfter()).containsExactly("b2");
            // ... while the contract step is refused until c3 is finished by hand, stamped or retried.
            assertThatThrownBy(() -> new Migrations(MariaDb.config(ds, dir).build()).upgrade("heads"))
                    .isInstanceOf(PartialRevisionException.class);
        }
    }
}
