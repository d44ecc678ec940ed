package io.samokoder.migrations.plan;

import static io.samokoder.migrations.plan.G.rev;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.samokoder.migrations.graph.RevisionException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The command-level error texts of spec §9, each from the command that raises it. */
class ErrorTextTest {

    private final Planner branched = G.planner(rev("a"), rev("b").down("a"), rev("c1").down("b").labels("c1branch"),
            rev("d1").down("c1"), rev("c2").down("b").labels("c2branch"), rev("d2").down("c2"));

    @Test
    void unknownUpgradeTarget() {
        assertThatThrownBy(() -> this.branched.upgrade(List.of(), "nothere"))
                .isInstanceOf(RevisionNotFoundException.class)
                .hasMessage("Can't locate revision identified by 'nothere'");
    }

    @Test
    void unknownRowFailsUpgradeAndDowngrade() {
        assertThatThrownBy(() -> this.branched.upgrade(List.of("zzzz"), "heads"))
                .isInstanceOf(RevisionNotFoundException.class)
                .hasMessage("Can't locate revision identified by 'zzzz'");
        assertThatThrownBy(() -> this.branched.downgrade(List.of("zzzz"), "base"))
                .isInstanceOf(RevisionNotFoundException.class)
                .hasMessage("Can't locate revision identified by 'zzzz'");
    }

    @Test
    void ambiguousPrefixAtTheCommandLevel() {
        Planner planner = G.planner(rev("abc1"), rev("abc2").down("abc1"));
        assertThatThrownBy(() -> planner.upgrade(List.of(), "abc")).isInstanceOf(RevisionNotFoundException.class)
                .hasMessage("Can't locate revision identified by 'abc'");
    }

    @Test
    void notAMemberOfTheBranchAtTheCommandLevel() {
        assertThatThrownBy(() -> this.branched.upgrade(List.of(), "c1branch@d2"))
                .isInstanceOf(RevisionNotFoundException.class)
                .hasMessage("Can't locate revision identified by 'd2'");
    }

    @Test
    void multipleHeadsNamesTheDestinationVerbatim() {
        assertThatThrownBy(() -> this.branched.upgrade(List.of(), "head")).isInstanceOf(MultipleHeadsException.class)
                .hasMessage("Multiple head revisions are present for given argument 'head'; please specify a specific "
                        + "target revision, '<branchname>@head' to narrow to a specific head, or 'heads' for all heads");
        Planner planner = G.planner(rev("a"), rev("b").down("a").labels("lib"), rev("c1").down("b"),
                rev("c2").down("b"));
        assertThatThrownBy(() -> planner.upgrade(List.of(), "lib@head")).isInstanceOf(MultipleHeadsException.class)
                .hasMessage("Multiple head revisions are present for given argument 'lib@head'; please specify a "
                        + "specific target revision, '<branchname>@lib@head' to narrow to a specific head, or 'heads' "
                        + "for all heads");
    }

    @Test
    void labelAtHeadOnDowngradeResolvesPlainHead() {
        assertThatThrownBy(() -> this.branched.downgrade(List.of("d1", "d2"), "c1branch@head"))
                .isInstanceOf(MultipleHeadsException.class)
                .hasMessage("Multiple head revisions are present for given argument 'c1branch@head'; please specify a "
                        + "specific target revision, '<branchname>@c1branch@head' to narrow to a specific head, or "
                        + "'heads' for all heads");
    }

    @Test
    void invalidDowngradeTarget() {
        assertThatThrownBy(() -> this.branched.downgrade(List.of("d1"), "c2"))
                .isInstanceOf(RangeNotAncestorException.class)
                .hasMessage("Destination c2 is not a valid downgrade target from current head(s)");
    }

    @Test
    void ambiguousUpgrade() {
        assertThatThrownBy(() -> this.branched.upgrade(List.of("d1", "c2"), "+1"))
                .isExactlyInstanceOf(RevisionException.class)
                .hasMessage("Ambiguous upgrade from multiple current revisions");
    }

    @Test
    void ambiguousWalk() {
        assertThatThrownBy(() -> this.branched.upgrade(List.of("b"), "+1")).isExactlyInstanceOf(RevisionException.class)
                .hasMessage("Ambiguous walk");
    }

    @Test
    void walkedTooFar() {
        assertThatThrownBy(() -> this.branched.downgrade(List.of("d1"), "c1+5"))
                .isExactlyInstanceOf(RevisionException.class).hasMessage("Walked too far");
    }

    @Test
    void relativeRevisionDidNotProduceMigrations() {
        assertThatThrownBy(() -> this.branched.upgrade(List.of("d1"), "+1"))
                .hasMessage("Relative revision +1 didn't produce 1 migrations");
        assertThatThrownBy(() -> this.branched.downgrade(List.of("d1"), "-7"))
                .hasMessage("Relative revision -7 didn't produce 7 migrations");
    }

    @Test
    void rangeRevisionNotAllowed() {
        assertThatThrownBy(() -> this.branched.upgrade(List.of(), "a:b")).isExactlyInstanceOf(RevisionException.class)
                .hasMessage("Range revision not allowed");
        assertThatThrownBy(() -> this.branched.downgrade(List.of(), "a:b")).hasMessage("Range revision not allowed");
    }

    @Test
    void notAValidDowngradeTargetFromCurrentHeads() {
        assertThatThrownBy(() -> this.branched.downgrade(List.of("d1", "d2"), "a@b"))
                .isExactlyInstanceOf(RevisionException.class)
                .hasMessage("Not a valid downgrade target from current heads");
    }

    @Test
    void overlappingTargets() {
        assertThatThrownBy(() -> this.branched.upgrade(List.of(), "c1 d1")).isExactlyInstanceOf(RevisionException.class)
                .hasMessage("Requested revision d1 overlaps with other requested revisions c1");
    }

    @Test
    void noSuchBranchAtTheCommandLevel() {
        assertThatThrownBy(() -> this.branched.downgrade(List.of("d1"), "nobranch@-1"))
                .isInstanceOf(RevisionNotFoundException.class)
                .hasMessage("Can't locate revision identified by 'nobranch'");
    }

    @Test
    void relativeUpgradeFromNothingWithSeveralRoots() {
        Planner forest = G.planner(rev("a1"), rev("a2"));
        assertThatThrownBy(() -> forest.upgrade(List.of(), "+1")).hasMessage("Ambiguous walk");
    }

    @Test
    void stampHeadWithSeveralHeads() {
        assertThatThrownBy(() -> this.branched.stamp(List.of("d1"), List.of("head"), false))
                .hasMessage("Multiple heads are present; please specify a single target revision");
    }
}
