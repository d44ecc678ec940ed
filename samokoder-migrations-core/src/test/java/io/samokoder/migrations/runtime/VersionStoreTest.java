package io.samokoder.migrations.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.samokoder.migrations.MigrationException;
import io.samokoder.migrations.dialect.postgresql.PostgresDialect;
import io.samokoder.migrations.plan.RowChange;
import io.samokoder.migrations.testsupport.PostgresDatabaseExtension;
import io.samokoder.migrations.testsupport.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The version-row changes and the log row written in one statement (and one round trip). */
@ExtendWith(PostgresDatabaseExtension.class)
class VersionStoreTest {

    private static final PostgresDialect PG = PostgresDialect.INSTANCE;

    private static Tables tables(String schema) {
        return new Tables(PG, schema, "alembic_version", "samokoder_migrations_log", "samokoder_migrations_log_state",
                PG.qualify(schema, "alembic_version"), PG.qualify(schema, "samokoder_migrations_log"),
                PG.qualify(schema, "samokoder_migrations_log_state"));
    }

    private static LogStore.Row row(String revision) {
        return new LogStore.Row(revision, LogStore.UP, "m", "f.sql", "", "sha256:x", "y", "", revision,
                Instant.parse("2026-11-29T05:00:00Z"), 3, LogStore.SUCCESS, null);
    }

    private static Connection prepared(TestDatabase db, String schema, String... rows) throws SQLException {
        Connection c = db.dataSource().getConnection();
        try (Statement st = c.createStatement()) {
            st.execute("CREATE SCHEMA " + schema);
        }
        Tables t = tables(schema);
        new VersionStore(t).create(c);
        new LogStore(t).create(c);
        for (String r : rows) {
            new VersionStore(t).apply(c, new RowChange.Insert(r));
        }
        return c;
    }

    private static List<String> strings(Connection c, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    @Test
    void mergeStepDeletesUpdatesLogsAndCommitsInOneStatement(TestDatabase db) throws SQLException {
        try (Connection c = prepared(db, "vs_merge", "a", "b")) {
            Tables t = tables("vs_merge");
            List<RowChange> changes = List.of(new RowChange.Delete("a"), new RowChange.Update("b", "m"));
            assertThat(VersionStore.combinable(changes)).isTrue();
            c.setAutoCommit(false);
            new VersionStore(t).applyAndLog(c, changes, new LogStore(t), row("m"), VersionStore.Ending.COMMIT);
            c.rollback();
            c.setAutoCommit(true);

            assertThat(strings(c, "SELECT version_num FROM vs_merge.alembic_version")).containsExactly("m");
            assertThat(strings(c, "SELECT revision || ' ' || started_at || ' ' || duration_ms"
                    + " FROM vs_merge.samokoder_migrations_log")).hasSize(1).first().asString()
                    .startsWith("m 2026-11-29").endsWith(" 3");
        }
    }

    @Test
    void anUpdateThatMatchesNoRowFailsBeforeTheCommit(TestDatabase db) throws SQLException {
        try (Connection c = prepared(db, "vs_mismatch", "a")) {
            Tables t = tables("vs_mismatch");
            c.setAutoCommit(false);
            try (Statement st = c.createStatement()) {
                st.execute("CREATE TABLE vs_mismatch.made_by_the_script (id int)");
            }
            assertThatThrownBy(() -> new VersionStore(t).applyAndLog(c, List.of(new RowChange.Update("b", "c")),
                    new LogStore(t), row("c"), VersionStore.Ending.COMMIT))
                    .isInstanceOf(MigrationException.class)
                    .hasMessage("Online migration expected to match one row when updating 'b' to 'c' in"
                            + " 'vs_mismatch.alembic_version'; 0 found");
            c.rollback();
            c.setAutoCommit(true);

            assertThat(strings(c, "SELECT version_num FROM vs_mismatch.alembic_version")).containsExactly("a");
            assertThat(strings(c, "SELECT count(*) FROM vs_mismatch.samokoder_migrations_log")).containsExactly("0");
            assertThat(strings(c, "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'vs_mismatch'"
                    + " AND table_name = 'made_by_the_script'")).containsExactly("0");
        }
    }

    @Test
    void aDeleteThatMatchesNoRowFailsToo(TestDatabase db) throws SQLException {
        try (Connection c = prepared(db, "vs_delete", "a")) {
            Tables t = tables("vs_delete");
            c.setAutoCommit(false);
            assertThatThrownBy(() -> new VersionStore(t).applyAndLog(c, List.of(new RowChange.Delete("zz")),
                    new LogStore(t), row(null), VersionStore.Ending.NONE))
                    .isInstanceOf(MigrationException.class)
                    .hasMessageContaining("when deleting 'zz' in 'vs_delete.alembic_version'; 0 found");
            c.rollback();
            c.setAutoCommit(true);
            assertThat(strings(c, "SELECT version_num FROM vs_delete.alembic_version")).containsExactly("a");
        }
    }

    @Test
    void changesTouchingOneRevisionTwiceAreNotCombined() {
        assertThat(VersionStore.combinable(List.of(new RowChange.Insert("a"), new RowChange.Update("a", "b"))))
                .isFalse();
        assertThat(VersionStore.combinable(List.of(new RowChange.Insert("a")))).isTrue();
        assertThat(VersionStore.combinable(List.of())).isTrue();
    }
}
