package io.samokoder.migrations.plan;

import static io.samokoder.migrations.plan.G.ids;
import static io.samokoder.migrations.plan.G.rev;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.samokoder.migrations.graph.RevisionGraph;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Resolving revision specs (spec §2.1, §2.2, §2.4): map-level results and messages through the
 * resolver, command-level texts through {@link Planner#resolve}.
 */
class SpecResolutionTest {

    private final RevisionGraph labeled = G.graph(rev("a").labels("abranch"), rev("b").down("a"),
            rev("somelongername").down("b"), rev("c").down("somelongername"), rev("d"),
            rev("e").down("d").labels("ebranch"), rev("someothername").down("e"), rev("f").down("someothername"));

    private final SpecResolver resolver = new SpecResolver(new GraphIndex(this.labeled));

    private final Planner planner = new Planner(this.labeled);

    private String one(String spec) {
        int node = this.resolver.revision(spec);
        return node < 0 ? null : this.labeled.revisions().get(node).id();
    }

    @Test
    void labelAtHeadIsTheHeadOfThatBranch() {
        assertThat(one("ebranch@head")).isEqualTo("f");
        assertThat(one("abranch@head")).isEqualTo("c");
        assertThat(one("abranch@heads")).isEqualTo("c");
    }

    @Test
    void labelAtBaseIsNoRevision() {
        assertThat(one("abranch@base")).isNull();
    }

    @Test
    void labelAtRevisionInItsLineage() {
        assertThat(one("ebranch@d")).isEqualTo("d");
        assertThat(one("ebranch@ebranch")).isEqualTo("e");
    }

    @Test
    void bareLabelIsTheDeclaringRevision() {
        assertThat(one("abranch")).isEqualTo("a");
        assertThat(one("ebranch")).isEqualTo("e");
    }

    @Test
    void prefixWithinABranch() {
        assertThat(one("ebranch@some")).isEqualTo("someothername");
        assertThat(one("abranch@some")).isEqualTo("somelongername");
    }

    @Test
    void shortPrefixGetsTheFourCharacterHint() {
        assertThatThrownBy(() -> this.resolver.revision("ebranch@sos")).hasMessage(
                "No such revision or branch 'sos'; please ensure at least four characters are present for partial "
                        + "revision identifier matches");
        assertThatThrownBy(() -> this.resolver.revision("abranch@qpr")).hasMessage(
                "No such revision or branch 'qpr'; please ensure at least four characters are present for partial "
                        + "revision identifier matches");
    }

    @Test
    void longUnknownIdHasNoHint() {
        assertThatThrownBy(() -> this.resolver.revision("abranch@qprstuv"))
                .hasMessage("No such revision or branch 'qprstuv'");
    }

    @Test
    void revisionOutsideTheBranchLineage() {
        assertThatThrownBy(() -> this.resolver.revision("ebranch@b"))
                .hasMessage("Revision b is not a member of branch 'ebranch'");
        assertThatThrownBy(() -> this.resolver.revision("abranch@d"))
                .hasMessage("Revision d is not a member of branch 'abranch'");
    }

    @Test
    void shortIdsResolveExactly() {
        assertThat(one("e")).isEqualTo("e");
    }

    @Test
    void revisionIdUsedAsBranchName() {
        assertThat(one("e@d")).isEqualTo("d");
    }

    @Test
    void branchNameMayBeAPrefix() {
        assertThat(one("someoth@d")).isEqualTo("d");
    }

    @Test
    void unknownBranch() {
        assertThatThrownBy(() -> this.resolver.revision("x@d")).hasMessage("No such branch: 'x'");
        assertThatThrownBy(() -> this.planner.resolve("x@d")).isInstanceOf(RevisionNotFoundException.class)
                .hasMessage("Can't locate revision identified by 'x'");
    }

    @Test
    void lineageIsNotLabelMembership() {
        // d is an unlabeled ancestor of the revision that declares ebranch
        assertThat(ids(this.planner.resolve("ebranch@d"))).containsExactly("d");
    }

    @Test
    void headsAndBaseSymbols() {
        assertThat(ids(this.planner.resolve("heads"))).containsExactly("c", "f");
        assertThat(this.planner.resolve("base")).isEmpty();
    }

    @Test
    void headWithSeveralHeadsFails() {
        assertThatThrownBy(() -> this.planner.resolve("head")).isInstanceOf(MultipleHeadsException.class)
                .hasMessage("Multiple head revisions are present for given argument 'head'; please specify a specific "
                        + "target revision, '<branchname>@head' to narrow to a specific head, or 'heads' for all heads");
        assertThatThrownBy(() -> this.resolver.revision("heads"))
                .hasMessage("Multiple heads are present for given argument 'heads'; c, f");
    }

    @Test
    void headOnAnEmptyMapIsNothing() {
        assertThat(new Planner(G.graph()).resolve("head")).isEmpty();
        assertThat(new Planner(G.graph()).resolve("heads")).isEmpty();
    }

    @Test
    void severalSpecsAreResolvedEachAndCombined() {
        assertThat(ids(this.planner.resolve("abranch@head ebranch"))).containsExactly("c", "e");
    }

    @Test
    void minusNIsMeasuredFromTheRealHeads() {
        assertThat(ids(this.planner.resolve("-1"))).containsExactly("somelongername", "someothername");
        assertThat(ids(this.planner.resolve("ebranch@-2"))).containsExactly("e");
    }

    @Test
    void minusNStepsOffTheRootsToBase() {
        Planner linear = G.planner(rev("a"), rev("b").down("a"));
        assertThat(linear.resolve("-2")).isEmpty();
    }

    @Test
    void plusNIsAPrefixOutsideUpgradeAndDowngrade() {
        assertThatThrownBy(() -> this.planner.resolve("+1")).isInstanceOf(RevisionNotFoundException.class)
                .hasMessage("Can't locate revision identified by '+1'");
    }

    @Test
    void ambiguousPrefixIsReportedWithTheFirstThreeCandidates() {
        Planner planner = G.planner(rev("abcd1111"), rev("abcd2222"), rev("abcd3333"), rev("abcd4444"));
        SpecResolver resolver = new SpecResolver(new GraphIndex(planner.graph()));
        assertThatThrownBy(() -> resolver.revision("abcd"))
                .hasMessage("Multiple revisions start with 'abcd': 'abcd1111', 'abcd2222', 'abcd3333'...");
        assertThatThrownBy(() -> planner.resolve("abcd")).isInstanceOf(RevisionNotFoundException.class)
                .hasMessage("Can't locate revision identified by 'abcd'")
                .extracting(e -> ((RevisionNotFoundException) e).detail())
                .isEqualTo("Multiple revisions start with 'abcd': 'abcd1111', 'abcd2222', 'abcd3333'...");
    }

    @Test
    void ambiguityCountsKeysNotRevisions() {
        Planner planner = G.planner(rev("abcd1111").labels("abcdlabel"));
        assertThatThrownBy(() -> planner.resolve("abcd")).isInstanceOf(RevisionNotFoundException.class)
                .hasMessage("Can't locate revision identified by 'abcd'");
        assertThat(ids(planner.resolve("abcd1"))).containsExactly("abcd1111");
    }

    @Test
    void prefixOfAnyLengthMatchesKeysLongerThanThree() {
        Planner planner = G.planner(rev("ae10"), rev("b7f3").down("ae10"), rev("xyz").down("b7f3"));
        assertThat(ids(planner.resolve("a"))).containsExactly("ae10");
        assertThat(ids(planner.resolve("b7"))).containsExactly("b7f3");
        assertThatThrownBy(() -> planner.resolve("xy")).isInstanceOf(RevisionNotFoundException.class)
                .extracting(e -> ((RevisionNotFoundException) e).detail())
                .isEqualTo("No such revision or branch 'xy'; please ensure at least four characters are present for "
                        + "partial revision identifier matches");
        assertThat(ids(planner.resolve("xyz"))).containsExactly("xyz");
    }

    @Test
    void prefixMatchesBranchLabels() {
        Planner planner = G.planner(rev("a1"), rev("b1").down("a1").labels("users"));
        assertThat(ids(planner.resolve("use"))).containsExactly("b1");
    }

    @Test
    void labelAtHeadFiltersHeadsByLineageAcrossAMerge() {
        RevisionGraph graph = G.graph(rev("a"), rev("b").down("a"), rev("c1").down("b").labels("c1branch"),
                rev("c2").down("b"), rev("d").down("c1", "c2"));
        SpecResolver resolver = new SpecResolver(new GraphIndex(graph));
        int[] all = {2, 3, 4};
        assertThat(resolver.filterForLineage(all, "c1branch@head", false)).containsExactly(2, 3, 4);
    }

    @Test
    void effectiveHeadMakesHeadFailWhileHeadsSucceeds() {
        Planner planner = G.planner(rev("a"), rev("b").deps("a"));
        assertThat(ids(planner.resolve("heads"))).containsExactly("b");
        assertThatThrownBy(() -> planner.resolve("head")).isInstanceOf(MultipleHeadsException.class)
                .extracting(e -> ((MultipleHeadsException) e).heads()).isEqualTo(List.of("a", "b"));
    }

    @Test
    void walkUpFromBaseIsAmbiguousWithSeveralRoots() {
        assertThatThrownBy(() -> this.resolver.walk(SpecResolver.NONE, 1, null, true)).hasMessage("Ambiguous walk");
    }

    @Test
    void walkDownFromNoRevisionStartsAtTheHeads() {
        Planner linear = G.planner(rev("a"), rev("b").down("a"));
        SpecResolver resolver = new SpecResolver(new GraphIndex(linear.graph()));
        assertThat(resolver.walk(SpecResolver.NONE, -1, null, true)).isEqualTo(1);
        assertThat(resolver.walk(0, -1, null, true)).isEqualTo(SpecResolver.BASE);
        assertThat(resolver.walk(0, -2, null, true)).isEqualTo(SpecResolver.NONE);
        assertThat(resolver.walk(0, -2, null, false)).isEqualTo(SpecResolver.BASE);
    }
}
