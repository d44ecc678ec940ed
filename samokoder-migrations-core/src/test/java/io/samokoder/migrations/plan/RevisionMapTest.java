package io.samokoder.migrations.plan;

import static io.samokoder.migrations.plan.G.ids;
import static io.samokoder.migrations.plan.G.rev;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.samokoder.migrations.graph.Revision;
import io.samokoder.migrations.graph.RevisionException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The public revision map: Alembic's lookups and traversal with the map-level texts (spec §9, first
 * list), where the planner gives the command-level ones.
 */
class RevisionMapTest {

    /** a -> b -> c1 -> d1 (c1branch), b -> c2 -> d2 (c2branch). */
    private static final RevisionMap MAP = new RevisionMap(G.graph(rev("a"), rev("b").down("a"),
            rev("c1").down("b").labels("c1branch"), rev("d1").down("c1"), rev("c2").down("b").labels("c2branch"),
            rev("d2").down("c2")));

    @Test
    void singleLookupGivesOneRevisionOrNothingForBase() {
        assertThat(MAP.getRevision("c1branch")).map(Revision::id).hasValue("c1");
        assertThat(MAP.getRevision("c2branch@head")).map(Revision::id).hasValue("d2");
        assertThat(MAP.getRevision("base")).isEmpty();
    }

    @Test
    void singleLookupOfSeveralHeadsHasTheMapLevelText() {
        assertThatThrownBy(() -> MAP.getRevision("heads")).isInstanceOf(MultipleHeadsException.class)
                .hasMessage("Multiple heads are present for given argument 'heads'; d1, d2");
        assertThatThrownBy(() -> MAP.getRevision("head")).isInstanceOf(MultipleHeadsException.class)
                .hasMessage("Multiple heads are present for given argument 'head'; d1, d2");
    }

    @Test
    void resolutionFailuresHaveTheMapLevelTexts() {
        assertThatThrownBy(() -> MAP.getRevision("zz")).isInstanceOf(ResolutionException.class)
                .hasMessage("No such revision or branch 'zz'; please ensure at least four characters are present"
                        + " for partial revision identifier matches");
        assertThatThrownBy(() -> MAP.getRevisions("nope@d1")).isInstanceOf(ResolutionException.class)
                .hasMessage("No such branch: 'nope'");
        assertThatThrownBy(() -> MAP.getRevision("c2branch@d1")).isInstanceOf(ResolutionException.class)
                .hasMessage("Revision d1 is not a member of branch 'c2branch'");
    }

    @Test
    void multiLookupExpandsHeadsAndRelativeHeads() {
        assertThat(ids(MAP.getRevisions("heads"))).containsExactly("d1", "d2");
        assertThat(ids(MAP.getRevisions("-1"))).containsExactly("c1", "c2");
        assertThat(ids(MAP.getRevisions(List.of("a", "c1branch")))).containsExactly("a", "c1");
        assertThat(MAP.getRevisions("base")).isEmpty();
    }

    @Test
    void iterateUpwardListsFromTheUpperEndDown() {
        assertThat(ids(MAP.iterate("heads", "base", false, false, false)))
                .containsExactly("d1", "c1", "d2", "c2", "b", "a");
        assertThat(ids(MAP.iterate("d2", "b", false, false, false))).containsExactly("d2", "c2");
        assertThat(ids(MAP.iterate("d2", "b", true, false, false))).containsExactly("d2", "c2", "b");
    }

    @Test
    void iterateUpwardRefusesALowerEndOutsideTheRangeUnlessImplicitBase() {
        assertThatThrownBy(() -> MAP.iterate("d2", "c1", false, false, false))
                .isInstanceOf(RangeNotAncestorException.class)
                .hasMessage("Revision c1 is not an ancestor of revision d2");
        assertThat(ids(MAP.iterate("d2", "c1", false, true, false))).containsExactly("d2", "c2");
    }

    @Test
    void iterateForDowngradeSelectsAsDowngradeDoes() {
        assertThat(ids(MAP.iterate(List.of("c1", "d2"), List.of("c2branch@b"), false, false, true)))
                .containsExactly("d2", "c2");
        assertThat(ids(MAP.iterate(List.of("c1", "d2"), List.of("c1branch@b"), false, false, true)))
                .containsExactly("c1");
    }

    @Test
    void otherMapErrorsPassThroughWithAlembicsText() {
        assertThatThrownBy(() -> MAP.iterate("b+1", "base", false, false, false)).isInstanceOf(RevisionException.class)
                .hasMessage("Ambiguous walk");
    }

    @Test
    void walkIsHistoryOrder() {
        assertThat(ids(MAP.walk("base", "heads"))).containsExactly("d1", "c1", "d2", "c2", "b", "a");
        // The lower bound's label narrows the heads to its branch; the walk then goes down to base.
        assertThat(ids(MAP.walk("c2branch@base", "heads"))).containsExactly("d2", "c2", "b", "a");
        assertThat(ids(MAP.walk("b", "d1"))).containsExactly("d1", "c1", "b");
    }

    @Test
    void theHeadMaintainerAppliesOneStep() {
        Step up = MAP.upgradeStep(List.of("d1", "c2"), "d2");
        assertThat(up.rowChanges()).containsExactly(new RowChange.Update("c2", "d2"));
        assertThat(up.rowsAfter()).containsExactly("d1", "d2");
        Step down = MAP.downgradeStep(List.of("d1", "c2"), "c2");
        assertThat(down.rowChanges()).containsExactly(new RowChange.Delete("c2"));
        assertThat(down.rowsAfter()).containsExactly("d1");
        assertThatThrownBy(() -> MAP.upgradeStep(List.of(), "x9")).isInstanceOf(ResolutionException.class)
                .hasMessage("No such revision or branch 'x9'");
    }

    @Test
    void plansCarryTheirWarnings() {
        Plan plan = new Planner(MAP.graph()).downgrade(List.of("d1", "d2"), "-1");
        assertThat(plan.warnings()).containsExactly("downgrade -1 from multiple heads is ambiguous; this usage will"
                + " be disallowed in a future release.");
        assertThat(new Planner(MAP.graph()).downgrade(List.of("d1"), "-1").warnings()).isEmpty();
    }
}
