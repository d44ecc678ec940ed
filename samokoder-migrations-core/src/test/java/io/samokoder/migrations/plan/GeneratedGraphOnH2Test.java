package io.samokoder.migrations.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.samokoder.migrations.MigrationResult;
import io.samokoder.migrations.Migrations;
import io.samokoder.migrations.MigrationsConfig;
import io.samokoder.migrations.StepResult;
import io.samokoder.migrations.dialect.h2.H2Dialect;
import io.samokoder.migrations.graph.Revision;
import io.samokoder.migrations.graph.RevisionException;
import io.samokoder.migrations.graph.RevisionGraph;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Generated histories (branches, merges, dependencies) run as scripts on a real database (H2, in memory): upgrade to
 * the heads, then down to every branch point and merge point and back up to the heads. Every run executes the
 * planner's steps in the planner's order (each script records itself in a trail table), leaves the version rows the
 * plan ends at, and leaves applied exactly the revisions that the model (a transcription of Alembic's rules) says
 * those rows mean.
 */
class GeneratedGraphOnH2Test {

    static Stream<Arguments> histories() {
        List<Arguments> cases = new ArrayList<>();
        long seed = 900;
        for (int size : new int[] {12, 25, 40, 60, 100}) {
            for (int i = 0; i < 2; i++) {
                cases.add(Arguments.of(seed++, size));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "seed {0}, {1} revisions")
    @MethodSource("histories")
    void everyMoveRunsThePlanAndLeavesTheModelsState(long seed, int size, @TempDir Path dir) throws Exception {
        List<Revision> revisions = RandomGraphs.generate(seed, size, 4, 0.06);
        RevisionGraph graph = RevisionGraph.of(revisions);
        Planner planner = new Planner(graph);
        NaiveAlembic model = new NaiveAlembic(graph);
        for (int i = 0; i < revisions.size(); i++) {
            write(dir, i, revisions.get(i));
        }
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        ds.setUser("sa");
        exec(ds, "CREATE TABLE trail (id INT AUTO_INCREMENT PRIMARY KEY, rev VARCHAR(64), dir VARCHAR(4))");
        Migrations migrations = new Migrations(MigrationsConfig.builder().dialect(H2Dialect.INSTANCE).dataSource(ds)
                .locations("filesystem:" + dir).build());

        List<String> rows = move(ds, migrations, planner, model, List.of(), "heads", true);
        assertThat(new HashSet<>(rows)).isEqualTo(new HashSet<>(graph.heads()));
        List<String> targets = new ArrayList<>();
        for (Revision revision : revisions) {
            if (graph.isBranchPoint(revision.id()) || graph.isMergePoint(revision.id())) {
                targets.add(revision.id());
            }
        }
        for (String target : targets) {
            List<String> down = move(ds, migrations, planner, model, rows, target, false);
            // A dependency on an ancestor can leave one row below another; Alembic (and so the planner) then refuses
            // to go on from there, which the engine must do alike (checked in move): the history ends here.
            rows = down == null ? null : move(ds, migrations, planner, model, down, "heads", true);
            if (rows == null) {
                return;
            }
            assertThat(new HashSet<>(rows)).isEqualTo(new HashSet<>(graph.heads()));
        }
        move(ds, migrations, planner, model, rows, "base", false);
        assertThat(applied(ds)).isEmpty();
    }

    /**
     * One move on the database, checked against the planner and the model; the rows after it, or {@code null} when
     * the planner refuses it (and the engine too, with the same message, changing nothing).
     */
    private static List<String> move(JdbcDataSource ds, Migrations migrations, Planner planner, NaiveAlembic model,
            List<String> rows, String target, boolean up) throws SQLException {
        Plan plan;
        try {
            plan = up ? planner.upgrade(rows, target) : planner.downgrade(rows, target);
        } catch (RevisionException refused) {
            // Refused by the planner: the engine refuses the same way and changes nothing.
            assertThatThrownBy(() -> {
                if (up) {
                    migrations.upgrade(target);
                } else {
                    migrations.downgrade(target);
                }
            }).isInstanceOf(RevisionException.class).hasMessage(refused.getMessage());
            assertThat(new HashSet<>(migrations.current())).isEqualTo(new HashSet<>(rows));
            return null;
        }
        int before = count(ds);
        MigrationResult result = up ? migrations.upgrade(target) : migrations.downgrade(target);

        assertThat(result.steps()).extracting(StepResult::revision).as("%s %s", up ? "upgrade" : "downgrade", target)
                .isEqualTo(G.revs(plan));
        assertThat(trailSince(ds, before)).isEqualTo(G.revs(plan));
        assertThat(new HashSet<>(migrations.current())).isEqualTo(new HashSet<>(plan.rowsAfter()));
        assertThat(applied(ds)).as("applied after %s %s", up ? "upgrade" : "downgrade", target)
                .isEqualTo(model.ancestors(plan.rowsAfter()));
        return plan.rowsAfter();
    }

    private static void write(Path dir, int index, Revision revision) throws IOException {
        String id = revision.id();
        StringBuilder text = new StringBuilder("-- ").append(id).append("\n--\n-- Revision ID: ").append(id)
                .append("\n-- Revises: ").append(String.join(", ", revision.downRevisions())).append('\n');
        if (!revision.dependsOn().isEmpty()) {
            text.append("-- Depends On: ").append(String.join(", ", revision.dependsOn())).append('\n');
        }
        text.append("\n-- migrate:upgrade\nINSERT INTO trail (rev, dir) VALUES ('").append(id).append("', 'up');\n")
                .append("\n-- migrate:downgrade\nINSERT INTO trail (rev, dir) VALUES ('").append(id)
                .append("', 'down');\n");
        Files.writeString(dir.resolve(String.format("%04d_%s.sql", index, id)), text);
    }

    private static void exec(JdbcDataSource ds, String sql) throws SQLException {
        try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    private static int count(JdbcDataSource ds) throws SQLException {
        try (Connection c = ds.getConnection(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT count(*) FROM trail")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    /** The revisions the trail records after its first {@code skip} rows, in order. */
    private static List<String> trailSince(JdbcDataSource ds, int skip) throws SQLException {
        List<String> revs = new ArrayList<>();
        try (Connection c = ds.getConnection(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT rev FROM trail ORDER BY id OFFSET " + skip + " ROWS")) {
            while (rs.next()) {
                revs.add(rs.getString(1));
            }
        }
        return revs;
    }

    /** The revisions whose last trail row is an upgrade. */
    private static Set<String> applied(JdbcDataSource ds) throws SQLException {
        Map<String, String> last = new HashMap<>();
        try (Connection c = ds.getConnection(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT rev, dir FROM trail ORDER BY id")) {
            while (rs.next()) {
                last.put(rs.getString(1), rs.getString(2));
            }
        }
        Set<String> applied = new HashSet<>();
        last.forEach((rev, dir) -> {
            if (dir.equals("up")) {
                applied.add(rev);
            }
        });
        return applied;
    }
}
