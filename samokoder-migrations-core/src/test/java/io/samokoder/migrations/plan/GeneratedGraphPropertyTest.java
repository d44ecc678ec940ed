package io.samokoder.migrations.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.samokoder.migrations.graph.Revision;
import io.samokoder.migrations.graph.RevisionException;
import io.samokoder.migrations.graph.RevisionGraph;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Seeded random histories (branches, merges, depends_on; up to 2,000 revisions): upgrading base to
 * heads and back down to base runs every revision exactly once each way, parents before children
 * going up and children before parents going down, with rows that follow an independent model of
 * the head maintainer after every step, and no rows at the end. On smaller graphs the order is
 * also compared with a literal transcription of Alembic's topological sort.
 */
class GeneratedGraphPropertyTest {

    private static final int LITERAL_SORT_LIMIT = 400;

    static Stream<Arguments> histories() {
        List<Arguments> cases = new ArrayList<>();
        int[] sizes = {1, 2, 5, 10, 25, 60, 120, 250, 400};
        long seed = 1;
        for (int size : sizes) {
            for (int i = 0; i < 4; i++) {
                cases.add(Arguments.of(seed++, size, "lanes"));
            }
        }
        for (int size : new int[] {50, 300, 1000}) {
            cases.add(Arguments.of(seed++, size, "team"));
        }
        for (int i = 0; i < 3; i++) {
            cases.add(Arguments.of(seed++, 2000, "lanes"));
        }
        cases.add(Arguments.of(seed, 2000, "team"));
        return cases.stream();
    }

    @ParameterizedTest(name = "seed {0}, {1} revisions, {2}")
    @MethodSource("histories")
    void upgradeToHeadsThenDowngradeToBaseRunsEachRevisionOnceEachWay(long seed, int size, String shape) {
        Random random = new Random(seed * 31);
        List<Revision> revisions = shape.equals("team") ? RandomGraphs.teamHistory(seed, size)
                : RandomGraphs.generate(seed, size, 2 + random.nextInt(7), 0.03 + random.nextDouble() * 0.1);
        RevisionGraph graph = RevisionGraph.of(revisions);
        Planner planner = new Planner(graph);
        NaiveAlembic naive = new NaiveAlembic(graph);
        Set<String> all = new HashSet<>();
        for (Revision revision : revisions) {
            all.add(revision.id());
        }

        Plan up = planner.upgrade(List.of(), "heads");
        List<String> upOrder = G.revs(up);
        assertThat(upOrder).hasSize(all.size()).doesNotHaveDuplicates();
        assertThat(new HashSet<>(upOrder)).isEqualTo(all);
        Set<String> done = new HashSet<>();
        for (Step step : up.steps()) {
            assertThat(step.kind()).isEqualTo(Step.Kind.UPGRADE);
            assertThat(done).containsAll(graph.allDown(step.revision()));
            done.add(step.revision());
        }
        checkRows(up, naive, true);
        if (size <= LITERAL_SORT_LIMIT) {
            List<String> expected = new ArrayList<>(naive.topologicalSort(all, graph.realHeads()));
            Collections.reverse(expected);
            assertThat(upOrder).isEqualTo(expected);
        }

        Plan down = planner.downgrade(up.rowsAfter(), "base");
        List<String> downOrder = G.revs(down);
        assertThat(downOrder).hasSize(all.size()).doesNotHaveDuplicates();
        Set<String> removed = new HashSet<>();
        for (Step step : down.steps()) {
            assertThat(step.kind()).isEqualTo(Step.Kind.DOWNGRADE);
            assertThat(removed).containsAll(graph.allChildren(step.revision()));
            removed.add(step.revision());
        }
        checkRows(down, naive, false);
        assertThat(down.rowsAfter()).isEmpty();
        if (size <= LITERAL_SORT_LIMIT) {
            assertThat(downOrder).isEqualTo(naive.topologicalSort(all, up.rowsAfter()));
        }
    }

    static Stream<Arguments> smallHistories() {
        List<Arguments> cases = new ArrayList<>();
        long seed = 500;
        for (int size : new int[] {8, 20, 40, 80, 160, 250}) {
            for (int i = 0; i < 3; i++) {
                cases.add(Arguments.of(seed++, size));
            }
        }
        return cases.stream();
    }

    /**
     * Random moves between random states: the selection the planner makes is ordered exactly as the
     * literal sort orders it, and the rows follow the model, for partial upgrades and downgrades too.
     */
    @ParameterizedTest(name = "seed {0}, {1} revisions")
    @MethodSource("smallHistories")
    void partialMovesFollowTheLiteralSortAndTheModel(long seed, int size) {
        Random random = new Random(seed);
        List<Revision> revisions = RandomGraphs.generate(seed, size, 2 + random.nextInt(6), 0.08);
        RevisionGraph graph = RevisionGraph.of(revisions);
        Planner planner = new Planner(graph);
        NaiveAlembic naive = new NaiveAlembic(graph);
        GraphIndex index = new GraphIndex(graph);
        RevisionSelector selector = new RevisionSelector(new SpecResolver(index), warning -> { });
        List<String> rows = List.of();
        int moves = 0;
        for (int attempt = 0; attempt < 40 && moves < 12; attempt++) {
            String target = revisions.get(random.nextInt(revisions.size())).id();
            boolean up = rows.isEmpty() || random.nextBoolean();
            Plan plan;
            RevisionSelector.Selection selection;
            try {
                if (up) {
                    plan = planner.upgrade(rows, target);
                    selection = selector.collectUpgrade(RevisionArg.of(target), RevisionArg.rows(rows),
                            false, true, true);
                } else {
                    String destination = random.nextInt(4) == 0 ? "base" : target;
                    plan = planner.downgrade(rows, destination);
                    selection = selector.collectDowngrade(RevisionArg.rows(rows), destination, false, false,
                            true);
                }
            } catch (RangeNotAncestorException e) {
                continue;
            } catch (RevisionException e) {
                // A dependency on an ancestor can leave one row below another (Alembic's head
                // maintainer does the same); Alembic then refuses further upgrades this way.
                assertThat(e).hasMessageContaining("overlaps with other requested revisions");
                break;
            }
            List<String> selected = new ArrayList<>();
            for (int node = selection.revisions().nextSetBit(0); node >= 0;
                    node = selection.revisions().nextSetBit(node + 1)) {
                selected.add(index.ids[node]);
            }
            List<String> expected = new ArrayList<>(naive.topologicalSort(selected, index.names(selection.heads())));
            if (up) {
                Collections.reverse(expected);
            }
            assertThat(G.revs(plan)).isEqualTo(expected);
            checkRows(plan, naive, up);
            rows = plan.rowsAfter();
            moves++;
        }
        assertThat(moves).isPositive();
    }

    /** Rows chain from step to step, the changes turn rows before into rows after, and the model agrees. */
    private static void checkRows(Plan plan, NaiveAlembic naive, boolean upgrade) {
        List<String> rows = plan.rowsBefore();
        Set<String> model = new LinkedHashSet<>(rows);
        for (Step step : plan.steps()) {
            assertThat(step.rowsBefore()).isEqualTo(rows);
            List<String> applied = new ArrayList<>(rows);
            for (RowChange change : step.rowChanges()) {
                if (change instanceof RowChange.Insert insert) {
                    assertThat(applied).doesNotContain(insert.revision());
                    applied.add(insert.revision());
                } else if (change instanceof RowChange.Delete delete) {
                    assertThat(applied.remove(delete.revision())).isTrue();
                } else if (change instanceof RowChange.Update update) {
                    int at = applied.indexOf(update.from());
                    assertThat(at).isNotNegative();
                    applied.set(at, update.to());
                }
            }
            assertThat(step.rowsAfter()).isEqualTo(applied);
            model = naive.apply(model, step.revision(), upgrade);
            assertThat(new LinkedHashSet<>(step.rowsAfter())).as("rows after %s", step.revision()).isEqualTo(model);
            rows = step.rowsAfter();
        }
        assertThat(plan.rowsAfter()).isEqualTo(rows);
    }
}
