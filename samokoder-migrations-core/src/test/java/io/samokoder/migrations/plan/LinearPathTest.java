package io.samokoder.migrations.plan;

import static io.samokoder.migrations.plan.G.changes;
import static io.samokoder.migrations.plan.G.rev;
import static io.samokoder.migrations.plan.G.revs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.samokoder.migrations.graph.RevisionException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Upgrade and downgrade on a straight history a-b-c-d-e (Alembic's RevisionPathTest). */
class LinearPathTest {

    private final Planner planner = G.planner(rev("e6239818bb3a"), rev("548bbb905360").down("e6239818bb3a"),
            rev("b7ea43dc85e4").down("548bbb905360"), rev("1bbe33445780").down("b7ea43dc85e4"),
            rev("3975fb1a0125").down("1bbe33445780"));

    private static final String A = "e6239818bb3a";
    private static final String B = "548bbb905360";
    private static final String C = "b7ea43dc85e4";
    private static final String D = "1bbe33445780";
    private static final String E = "3975fb1a0125";

    @Test
    void downgradeToBaseWithoutRows() {
        Plan plan = this.planner.downgrade(List.of(), "base");
        assertThat(plan.steps()).isEmpty();
        assertThat(plan.isEmpty()).isTrue();
    }

    @Test
    void downgradeToTheCurrentRevisionDoesNothing() {
        assertThat(this.planner.downgrade(List.of(A), A).rowsAfter()).containsExactly(A);
        assertThat(this.planner.downgrade(List.of(E), E).steps()).isEmpty();
    }

    @Test
    void upgradePath() {
        Plan plan = this.planner.upgrade(List.of(C), E);
        assertThat(revs(plan)).containsExactly(D, E);
        assertThat(plan.rowsAfter()).containsExactly(E);
        assertThat(revs(this.planner.upgrade(List.of(), C))).containsExactly(A, B, C);
    }

    @Test
    void relativeUpgrades() {
        assertThat(revs(this.planner.upgrade(List.of(A), "+2"))).containsExactly(B, C);
        assertThat(revs(this.planner.upgrade(List.of(A), "+1"))).containsExactly(B);
        assertThat(revs(this.planner.upgrade(List.of(B), "+3"))).containsExactly(C, D, E);
        assertThat(revs(this.planner.upgrade(List.of(A), B + "+2"))).containsExactly(B, C, D);
        assertThat(revs(this.planner.upgrade(List.of(A), D + "-2"))).containsExactly(B);
    }

    @Test
    void relativeUpgradeWithAPrefixSymbol() {
        assertThat(revs(this.planner.upgrade(List.of(A), "548b+1"))).containsExactly(B, C);
    }

    @Test
    void invalidRelativeUpgrades() {
        assertThatThrownBy(() -> this.planner.upgrade(List.of(B), "-2")).isExactlyInstanceOf(RevisionException.class)
                .hasMessage("Relative revision -2 didn't produce 2 migrations");
        assertThatThrownBy(() -> this.planner.upgrade(List.of(B), "+5"))
                .hasMessage("Relative revision +5 didn't produce 5 migrations");
    }

    @Test
    void overwalkingFromASymbolIsWalkedTooFar() {
        assertThatThrownBy(() -> this.planner.upgrade(List.of(A), D + "+3")).hasMessage("Walked too far");
    }

    @Test
    void downgradePath() {
        Plan plan = this.planner.downgrade(List.of(E), C);
        assertThat(revs(plan)).containsExactly(E, D);
        assertThat(changes(plan)).containsExactly(E + ">" + D, D + ">" + C);
        assertThat(revs(this.planner.downgrade(List.of(C), "base"))).containsExactly(C, B, A);
    }

    @Test
    void relativeDowngrades() {
        assertThat(this.planner.downgrade(List.of(C), "-1").rowsAfter()).containsExactly(B);
        assertThat(revs(this.planner.downgrade(List.of(E), "-3"))).containsExactly(E, D, C);
        assertThat(revs(this.planner.downgrade(List.of(D), A + "+2"))).containsExactly(D);
        assertThat(revs(this.planner.downgrade(List.of(D), C + "-2"))).containsExactly(D, C, B);
    }

    @Test
    void invalidRelativeDowngrades() {
        assertThatThrownBy(() -> this.planner.downgrade(List.of(B), "-5"))
                .hasMessage("Relative revision -5 didn't produce 5 migrations");
        assertThatThrownBy(() -> this.planner.downgrade(List.of(B), "+2"))
                .hasMessage("Relative revision +2 didn't produce 2 migrations");
        assertThatThrownBy(() -> this.planner.downgrade(List.of(B), A + "+9")).hasMessage("Walked too far");
        assertThatThrownBy(() -> this.planner.downgrade(List.of(E), C + "-9")).hasMessage("Walked too far");
    }

    @Test
    void downgradeMinusOneToBaseAndFromNothing() {
        Plan plan = this.planner.downgrade(List.of(A), "-1");
        assertThat(changes(plan)).containsExactly("-" + A);
        assertThatThrownBy(() -> this.planner.downgrade(List.of(), "-1"))
                .hasMessage("Relative revision -1 didn't produce 1 migrations");
    }

    @Test
    void downgradeToAShortPrefixNotApplied() {
        assertThatThrownBy(() -> this.planner.downgrade(List.of(), B.substring(0, 3)))
                .isInstanceOf(RangeNotAncestorException.class)
                .hasMessage("Destination 548 is not a valid downgrade target from current head(s)");
    }

    @Test
    void downgradeToAHigherRevision() {
        assertThatThrownBy(() -> this.planner.downgrade(List.of(B), C.substring(0, 4)))
                .isInstanceOf(RangeNotAncestorException.class)
                .hasMessage("Destination b7ea is not a valid downgrade target from current head(s)");
    }

    @Test
    void upgradeBackwardsToBaseOrToAnAppliedRevisionIsANoOp() {
        assertThat(this.planner.upgrade(List.of(C), A).steps()).isEmpty();
        assertThat(this.planner.upgrade(List.of(C), "base").steps()).isEmpty();
        assertThat(this.planner.upgrade(List.of(C), C).steps()).isEmpty();
    }

    @Test
    void upgradeFromBaseRelative() {
        assertThat(revs(this.planner.upgrade(List.of(), "base+1"))).containsExactly(A);
        assertThat(revs(this.planner.upgrade(List.of(), "+1"))).containsExactly(A);
        assertThat(changes(this.planner.upgrade(List.of(), "+2"))).containsExactly("+" + A, A + ">" + B);
    }

    @Test
    void stampToBaseDeletesTheRow() {
        Plan plan = this.planner.stamp(List.of(D), List.of("base"), false);
        assertThat(changes(plan)).containsExactly("-" + D);
    }

    @Test
    void stepDescribesItselfLikeAlembicsLogLine() {
        Plan plan = this.planner.upgrade(List.of(), B);
        assertThat(plan.steps().get(0).describe()).isEqualTo("Running upgrade  -> " + A);
        assertThat(plan.steps().get(1).describe()).isEqualTo("Running upgrade " + A + " -> " + B);
        assertThat(this.planner.downgrade(List.of(B), "base").steps().get(1).describe())
                .isEqualTo("Running downgrade " + A + " -> ");
    }
}
