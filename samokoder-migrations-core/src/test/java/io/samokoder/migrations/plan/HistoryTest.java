package io.samokoder.migrations.plan;

import static io.samokoder.migrations.plan.G.ids;
import static io.samokoder.migrations.plan.G.rev;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.samokoder.migrations.graph.RevisionException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** History ranges (spec §4.5, §6.7): heads first, both ends included. */
class HistoryTest {

    private final Planner linear = G.planner(rev("a"), rev("b").down("a"), rev("c").down("b"), rev("d").down("c"),
            rev("e").down("d"));

    private final Planner labeled = G.planner(rev("a").labels("abranch"), rev("b").down("a"),
            rev("somelongername").down("b"), rev("c").down("somelongername"), rev("d"),
            rev("e").down("d").labels("ebranch"), rev("someothername").down("e"), rev("f").down("someothername"));

    @Test
    void wholeHistoryHeadsFirst() {
        assertThat(ids(this.linear.history(null, List.of()))).containsExactly("e", "d", "c", "b", "a");
        assertThat(ids(this.linear.history("", List.of()))).containsExactly("e", "d", "c", "b", "a");
        assertThat(ids(this.linear.history("base:heads", List.of()))).containsExactly("e", "d", "c", "b", "a");
        assertThat(ids(this.linear.history(":", List.of()))).containsExactly("e", "d", "c", "b", "a");
    }

    @Test
    void closedRangeIncludesBothEnds() {
        assertThat(ids(this.linear.history("b:d", List.of()))).containsExactly("d", "c", "b");
    }

    @Test
    void openRanges() {
        assertThat(ids(this.linear.history("c:", List.of()))).containsExactly("e", "d", "c");
        assertThat(ids(this.linear.history(":b", List.of()))).containsExactly("b", "a");
    }

    @Test
    void relativeLowerBoundIsMeasuredFromTheHeads() {
        assertThat(ids(this.linear.history("-2:", List.of()))).containsExactly("e", "d", "c");
        assertThat(ids(this.linear.history("-3:current", List.of("c")))).containsExactly("c", "b");
    }

    @Test
    void overwalkingLowerBoundIsMeasuredAgainFromTheUpperBound() {
        assertThat(ids(this.linear.history("-9:e", List.of()))).containsExactly("e", "d", "c", "b", "a");
        assertThat(ids(this.linear.history("-9:c", List.of()))).containsExactly("c", "b", "a");
    }

    @Test
    void overwalkingLowerBoundAgainstHeadsFailsAsInAlembic() {
        // Alembic re-parses "-9" against "heads" as "heads@heads", and "heads" is no branch
        assertThatThrownBy(() -> this.linear.history("-9:", List.of())).isInstanceOf(RevisionNotFoundException.class)
                .hasMessage("Can't locate revision identified by 'heads'");
    }

    @Test
    void relativeUpperBoundIsMeasuredFromTheLower() {
        assertThat(ids(this.linear.history("base:+2", List.of()))).containsExactly("b", "a");
        assertThat(ids(this.linear.history("b:+2", List.of()))).containsExactly("d", "c", "b");
        assertThat(ids(this.linear.history("d:+9", List.of()))).containsExactly("e", "d");
    }

    @Test
    void currentMeansTheRows() {
        assertThat(ids(this.linear.history("current:", List.of("b")))).containsExactly("e", "d", "c", "b");
        assertThat(ids(this.linear.history(":current", List.of("b")))).containsExactly("b", "a");
    }

    @Test
    void currentWithoutRowsFallsBackToBaseAndHeads() {
        assertThat(ids(this.linear.history("current:", List.of()))).containsExactly("e", "d", "c", "b", "a");
        assertThat(ids(this.linear.history(":current", List.of()))).containsExactly("e", "d", "c", "b", "a");
    }

    @Test
    void labelledBaseShowsOnlyThatBranch() {
        assertThat(ids(this.labeled.history("ebranch@base:", List.of()))).containsExactly("f", "someothername", "e",
                "d");
        assertThat(ids(this.labeled.history(":ebranch@head", List.of()))).containsExactly("f", "someothername", "e",
                "d");
    }

    @Test
    void wrongDirection() {
        assertThatThrownBy(() -> this.linear.history("d:b", List.of())).isInstanceOf(RangeNotAncestorException.class)
                .hasMessage("Requested range d:b does not refer to ancestor/descendant revisions along the same branch");
    }

    @Test
    void aLowerRelativeEndThatWalksExactlyToBaseIsRefusedAsAlembicDoes() {
        // Alembic 1.8.1 on a..e: "-4:" lists a to e; "-5:" lands on base and is refused; "-6:" overwalks.
        assertThat(ids(this.linear.history("-4:", List.of()))).containsExactly("e", "d", "c", "b", "a");
        assertThatThrownBy(() -> this.linear.history("-5:", List.of())).isInstanceOf(RangeNotAncestorException.class)
                .hasMessage("Requested range -5:heads does not refer to ancestor/descendant revisions along the same"
                        + " branch");
        assertThatThrownBy(() -> this.linear.history("-5:e", List.of())).isInstanceOf(RangeNotAncestorException.class)
                .hasMessage("Requested range -5:e does not refer to ancestor/descendant revisions along the same"
                        + " branch");
        assertThat(ids(this.linear.history("base:", List.of()))).containsExactly("e", "d", "c", "b", "a");
    }

    @Test
    void wrongDirectionAgainstTheRowsPrintsThemAsATuple() {
        assertThatThrownBy(() -> this.linear.history("d:current", List.of("b")))
                .isInstanceOf(RangeNotAncestorException.class)
                .hasMessage("Requested range d:('b',) does not refer to ancestor/descendant revisions along the same "
                        + "branch");
    }

    @Test
    void rangeNeedsAColon() {
        assertThatThrownBy(() -> this.linear.history("b", List.of())).isExactlyInstanceOf(RevisionException.class)
                .hasMessage("History range requires [start]:[end], [start]:, or :[end]");
        assertThatThrownBy(() -> this.linear.history("a:b:c", List.of()))
                .hasMessage("History range requires [start]:[end], [start]:, or :[end]");
    }

    @Test
    void headWithSeveralHeads() {
        assertThatThrownBy(() -> this.labeled.history(":head", List.of())).isInstanceOf(MultipleHeadsException.class)
                .hasMessage("Multiple head revisions are present for given argument 'head'; please specify a specific "
                        + "target revision, '<branchname>@head' to narrow to a specific head, or 'heads' for all heads");
    }

    @Test
    void unknownBound() {
        assertThatThrownBy(() -> this.linear.history("zzzz:", List.of())).isInstanceOf(RevisionNotFoundException.class)
                .hasMessage("Can't locate revision identified by 'zzzz'");
    }

    @Test
    void branchesAndMergesHeadsFirst() {
        Planner planner = G.planner(rev("a"), rev("b1").down("a"), rev("b2").down("a"), rev("c").down("b1", "b2"),
                rev("d").down("c"));
        assertThat(ids(planner.history(null, List.of()))).containsExactly("d", "c", "b1", "b2", "a");
    }
}
