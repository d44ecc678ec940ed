package io.samokoder.migrations.plan;

import static io.samokoder.migrations.plan.G.rev;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** What {@code current} displays (spec §6.5). */
class DisplayedCurrentTest {

    @Test
    void dependencyTipIsShownWithoutARow() {
        Planner planner = G.planner(rev("a1"), rev("a2").down("a1"), rev("b1"), rev("b2").down("b1").deps("a2"));
        assertThat(planner.displayedCurrent(List.of("b2"))).containsExactly("a2", "b2");
    }

    @Test
    void plainRowsAreShownAsTheyAre() {
        Planner planner = G.planner(rev("a"), rev("b").down("a"), rev("c1").down("b"), rev("c2").down("b"));
        assertThat(planner.displayedCurrent(List.of("c2", "c1"))).containsExactly("c1", "c2");
        assertThat(planner.displayedCurrent(List.of())).isEmpty();
    }

    @Test
    void rowsBelowOtherRowsAreNotShown() {
        Planner planner = G.planner(rev("a"), rev("b").down("a"));
        assertThat(planner.displayedCurrent(List.of("a", "b"))).containsExactly("b");
    }

    @Test
    void unknownRow() {
        Planner planner = G.planner(rev("a"));
        assertThatThrownBy(() -> planner.displayedCurrent(List.of("zzzz")))
                .isInstanceOf(RevisionNotFoundException.class)
                .hasMessage("Can't locate revision identified by 'zzzz'");
    }
}
