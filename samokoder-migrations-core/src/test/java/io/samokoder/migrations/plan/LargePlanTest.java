package io.samokoder.migrations.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.samokoder.migrations.graph.Revision;
import io.samokoder.migrations.graph.RevisionGraph;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Large histories plan without deep recursion and touch every revision once each way. */
class LargePlanTest {

    @Test
    void fiftyThousandRevisionsUpAndDown() {
        List<Revision> revisions = RandomGraphs.teamHistory(50_000, 50_000);
        Planner planner = new Planner(RevisionGraph.of(revisions));
        Plan up = planner.upgrade(List.of(), "heads");
        assertThat(up.steps()).hasSize(50_000);
        assertThat(new HashSet<>(G.revs(up))).hasSize(50_000);
        assertThat(up.rowsAfter()).containsExactlyInAnyOrderElementsOf(planner.graph().realHeads());
        Plan down = planner.downgrade(up.rowsAfter(), "base");
        assertThat(down.steps()).hasSize(50_000);
        assertThat(down.rowsAfter()).isEmpty();
    }

    @Test
    void longChainHistoryAndRelativeSpecs() {
        Revision[] chain = new Revision[100_000];
        for (int i = 0; i < chain.length; i++) {
            chain[i] = i == 0 ? Revision.of("r0") : Revision.of("r" + i, "r" + (i - 1));
        }
        Planner planner = new Planner(RevisionGraph.of(List.of(chain)));
        assertThat(planner.upgrade(List.of("r10"), "+5").rowsAfter()).containsExactly("r15");
        assertThat(planner.downgrade(List.of("r99999"), "-3").rowsAfter()).containsExactly("r99996");
        assertThat(planner.history("r99990:", List.of())).hasSize(10);
        assertThat(planner.upgrade(List.of(), "heads").steps()).hasSize(100_000);
    }

    @Test
    void stampListingADestinationTwiceStampsItOnce() {
        Planner planner = G.planner(G.rev("a"), G.rev("b").down("a"));
        assertThat(G.changes(planner.stamp(List.of(), List.of("b", "b"), false))).containsExactly("+b");
    }
}
