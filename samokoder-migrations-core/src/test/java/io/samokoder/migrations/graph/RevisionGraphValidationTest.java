package io.samokoder.migrations.graph;

import static io.samokoder.migrations.graph.Revs.graph;
import static io.samokoder.migrations.graph.Revs.rev;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.samokoder.migrations.MigrationException;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class RevisionGraphValidationTest {

    // --- self-loops (checked per script, before anything else) ---

    @Test
    void loopsAndLabelClashesNameTheFilesThatDeclareThemAfterAlembicsText() {
        Revision a = new Revision("a", List.of("b"), java.util.Set.of(), List.of(), "", "filesystem:db/a.sql");
        Revision b = new Revision("b", List.of("a"), java.util.Set.of(), List.of(), "", "filesystem:db/b.sql");
        assertThatThrownBy(() -> RevisionGraph.of(List.of(a, b))).isInstanceOf(CycleDetectedException.class)
                .hasMessage("Cycle is detected in revisions (a, b); fix the 'Revises' header (a in filesystem:db/a.sql,"
                        + " b in filesystem:db/b.sql) so that no revision comes after itself");
        Revision self = new Revision("s", List.of(), java.util.Set.of(), List.of("s"), "", "filesystem:db/s.sql");
        assertThatThrownBy(() -> RevisionGraph.of(List.of(self)))
                .hasMessage("Dependency self-loop is detected in revisions (s); fix the 'Depends On' header (s in"
                        + " filesystem:db/s.sql) so that no revision comes after itself");
        Revision first = new Revision("c", List.of(), java.util.Set.of("lbl"), List.of(), "", "filesystem:db/c.sql");
        Revision second = new Revision("d", List.of("c"), java.util.Set.of("lbl"), List.of(), "", "filesystem:db/d.sql");
        assertThatThrownBy(() -> RevisionGraph.of(List.of(first, second)))
                .isInstanceOf(BranchLabelConflictException.class)
                .hasMessage("Branch name 'lbl' in revision d already used by revision c; give the label another name in"
                        + " the 'Branch Labels' of filesystem:db/d.sql (c is filesystem:db/c.sql)");
    }

    @Test
    void solitarySelfLoop() {
        assertSelfLoop("a", rev("a").down("a"));
    }

    @Test
    void selfLoopAtTheBase() {
        assertSelfLoop("a", rev("a").down("a"), rev("b").down("a"), rev("c").down("b"));
    }

    @Test
    void selfLoopAtTheHead() {
        assertSelfLoop("c", rev("a"), rev("b").down("a"), rev("c").down("b", "c"));
    }

    @Test
    void selfLoopAtABranchPoint() {
        assertSelfLoop("b", rev("a"), rev("b").down("a", "b"), rev("c1").down("b"), rev("c2").down("b"));
    }

    @Test
    void selfLoopAtAMergePoint() {
        assertSelfLoop("c", rev("a"), rev("b1").down("a"), rev("b2").down("a"), rev("c").down("b1", "b2", "c"));
    }

    @Test
    void solitaryDependencySelfLoop() {
        assertDependencySelfLoop("a", rev("a").deps("a"));
    }

    @Test
    void dependencySelfLoopAtTheBase() {
        assertDependencySelfLoop("a", rev("a").deps("a"), rev("b").down("a"), rev("c").down("b"));
    }

    @Test
    void dependencySelfLoopAtTheHead() {
        assertDependencySelfLoop("c", rev("a"), rev("b").down("a"), rev("c").down("b").deps("c"));
    }

    @Test
    void dependencySelfLoopAtABranchPoint() {
        assertDependencySelfLoop("b", rev("a"), rev("b").down("a").deps("b"), rev("c1").down("b"),
                rev("c2").down("b"));
    }

    @Test
    void dependencySelfLoopAtAMergePoint() {
        assertDependencySelfLoop("c", rev("a"), rev("b1").down("a"), rev("b2").down("a"),
                rev("c").down("b1", "b2").deps("c"));
    }

    @Test
    void overlappingIdsAreNoLoop() {
        RevisionGraph byParent = graph(rev("user_foo"), rev("user").down("user_foo"));
        assertThat(byParent.heads()).containsExactly("user");
        RevisionGraph byDependency = graph(rev("user_foo"), rev("user").deps("user_foo"));
        assertThat(byDependency.heads()).containsExactly("user_foo", "user");
        assertThat(byDependency.realHeads()).containsExactly("user");
    }

    @Test
    void parentThatIsAlsoADependencyIsNoLoopAndIsListedOnce() {
        RevisionGraph map = graph(rev("user_foo"), rev("user").down("user_foo").deps("user_foo"));
        assertThat(map.allDown("user")).containsExactly("user_foo");
        assertThat(map.normalizedDown("user")).containsExactly("user_foo");
        assertThat(map.heads()).containsExactly("user");
        assertThat(map.realHeads()).containsExactly("user");
    }

    // --- duplicates ---

    @Test
    void duplicateIdsAreRejectedNamingBothSources() {
        assertThatThrownBy(() -> graph(rev("a").source("versions/1_a.sql"), rev("b").down("a"),
                rev("a").source("more/2_a.sql")))
                .isInstanceOf(DuplicateRevisionException.class)
                .hasMessageStartingWith(
                        "Revision a is present more than once (in versions/1_a.sql and more/2_a.sql)")
                .extracting(e -> ((DuplicateRevisionException) e).revision()).isEqualTo("a");
    }

    @Test
    void duplicateWithoutSourcesStillNamesTheRevision() {
        assertThatThrownBy(() -> graph(rev("a"), rev("a")))
                .isInstanceOf(DuplicateRevisionException.class)
                .hasMessageStartingWith("Revision a is present more than once (in ");
    }

    @Test
    void problemsAreReportedInLoadOrder() {
        assertThatThrownBy(() -> graph(rev("a"), rev("a"), rev("b-c")))
                .isInstanceOf(DuplicateRevisionException.class);
        assertThatThrownBy(() -> graph(rev("a"), rev("b-c"), rev("a")))
                .isInstanceOf(InvalidRevisionIdException.class);
    }

    // --- branch labels ---

    @Test
    void labelUsedByTwoRevisions() {
        assertThatThrownBy(() -> graph(rev("a"), rev("b").down("a"), rev("c").down("b").labels("xy1"), rev("d"),
                rev("e").down("d").labels("xy1"), rev("f").down("e")))
                .isInstanceOf(BranchLabelConflictException.class)
                .hasMessage("Branch name 'xy1' in revision e already used by revision c")
                .extracting(e -> ((BranchLabelConflictException) e).label()).isEqualTo("xy1");
    }

    @Test
    void labelEqualToAnotherRevisionId() {
        assertThatThrownBy(() -> graph(rev("a").labels("zeta"), rev("zeta").down("a")))
                .isInstanceOf(BranchLabelConflictException.class)
                .hasMessage("Branch name 'zeta' in revision a already used by revision zeta");
    }

    @Test
    void labelEqualToItsOwnId() {
        assertThatThrownBy(() -> graph(rev("a").labels("a")))
                .hasMessage("Branch name 'a' in revision a already used by revision a");
    }

    @Test
    void labelsAreLookupKeys() {
        RevisionGraph map = graph(rev("a").labels("core", "base_line"), rev("b").down("a"));
        assertThat(map.revisionForKey("core")).contains("a");
        assertThat(map.revisionForKey("base_line")).contains("a");
        assertThat(map.revisionForKey("b")).contains("b");
        assertThat(map.revisionForKey("nope")).isEmpty();
        assertThat(map.keys()).containsExactly("a", "b", "base_line", "core");
        assertThat(map.contains("core")).isFalse();
    }

    // --- missing references ---

    @Test
    void missingDownRevision() {
        assertThatThrownBy(() -> graph(rev("a"), rev("b").down("a"), rev("c").down("zz")))
                .isInstanceOf(MissingRevisionException.class)
                .hasMessage("Revision zz referenced from c is not present")
                .satisfies(e -> {
                    MissingRevisionException missing = (MissingRevisionException) e;
                    assertThat(missing.missing()).isEqualTo("zz");
                    assertThat(missing.referencedFrom()).isEqualTo("c");
                });
    }

    @Test
    void missingParentOfAMerge() {
        assertThatThrownBy(() -> graph(rev("a"), rev("b").down("a", "q")))
                .hasMessage("Revision q referenced from b is not present");
    }

    @Test
    void missingReferenceNamesTheFile() {
        assertThatThrownBy(() -> graph(rev("b").down("a").source("versions/0002_b.sql")))
                .hasMessage("Revision a referenced from b is not present (declared in versions/0002_b.sql)");
    }

    @Test
    void unknownDependency() {
        assertThatThrownBy(() -> graph(rev("a"), rev("b").down("a").deps("nolabel")))
                .isInstanceOf(MissingRevisionException.class)
                .hasMessage("Revision nolabel referenced from b is not present");
    }

    @Test
    void dependenciesAreExactKeysNotPrefixes() {
        assertThatThrownBy(() -> graph(rev("abcdef12"), rev("b").deps("abcd")))
                .isInstanceOf(MissingRevisionException.class)
                .hasMessage("Revision abcd referenced from b is not present");
    }

    @Test
    void unknownDependencyIsFoundBeforeAMissingParent() {
        assertThatThrownBy(() -> graph(rev("a").down("gone"), rev("b").deps("nothing")))
                .hasMessage("Revision nothing referenced from b is not present");
    }

    @Test
    void labelClashIsFoundBeforeMissingReferences() {
        assertThatThrownBy(() -> graph(rev("a").down("gone").labels("x"), rev("b").labels("x")))
                .isInstanceOf(BranchLabelConflictException.class);
    }

    @Test
    void allGraphErrorsAreRevisionExceptions() {
        List<Runnable> failures = Arrays.asList(
                () -> graph(rev("a").down("a")),
                () -> graph(rev("a"), rev("a")),
                () -> graph(rev("a").labels("x"), rev("b").labels("x")),
                () -> graph(rev("a").down("b")),
                () -> graph(rev("a+")),
                () -> graph(rev("a").down("b"), rev("b").down("a")));
        for (Runnable failure : failures) {
            assertThatThrownBy(failure::run).isInstanceOf(RevisionException.class)
                    .isInstanceOf(MigrationException.class);
        }
    }

    @Test
    void emptyMapIsValid() {
        RevisionGraph map = graph();
        assertThat(map.size()).isZero();
        assertThat(map.heads()).isEmpty();
        assertThat(map.realHeads()).isEmpty();
        assertThat(map.bases()).isEmpty();
        assertThat(map.realBases()).isEmpty();
        assertThat(map.keys()).isEmpty();
    }

    private static void assertSelfLoop(String revision, Object... revisions) {
        assertThatThrownBy(() -> graph(revisions))
                .isInstanceOf(CycleDetectedException.class)
                .hasMessage("Self-loop is detected in revisions (" + revision + ")")
                .satisfies(e -> assertThat(((CycleDetectedException) e).kind())
                        .isEqualTo(CycleDetectedException.Kind.SELF_LOOP));
    }

    private static void assertDependencySelfLoop(String revision, Object... revisions) {
        assertThatThrownBy(() -> graph(revisions))
                .isInstanceOf(CycleDetectedException.class)
                .hasMessage("Dependency self-loop is detected in revisions (" + revision + ")")
                .satisfies(e -> assertThat(((CycleDetectedException) e).kind())
                        .isEqualTo(CycleDetectedException.Kind.DEPENDENCY_SELF_LOOP));
    }
}
