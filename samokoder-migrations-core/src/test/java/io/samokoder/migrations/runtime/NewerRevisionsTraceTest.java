package io.samokoder.migrations.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.samokoder.migrations.graph.Revision;
import io.samokoder.migrations.graph.RevisionGraph;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How rows of a newer build are traced through the log to the loaded revisions beneath them (no database). */
class NewerRevisionsTraceTest {

    /** This build: a1 with two branches, b2 and c2. */
    private static final RevisionGraph GRAPH = RevisionGraph.of(List.of(Revision.of("a1"), Revision.of("b2", "a1"),
            Revision.of("c2", "a1")));

    private static Map<String, LogStore.Entry> log(String... revisionAndRevises) {
        Map<String, LogStore.Entry> log = new HashMap<>();
        for (int i = 0; i < revisionAndRevises.length; i += 2) {
            log.put(revisionAndRevises[i], new LogStore.Entry(revisionAndRevises[i], LogStore.UP, "sum", null,
                    revisionAndRevises[i + 1], null, 0));
        }
        return log;
    }

    @Test
    void knownRowsAreReturnedAsTheyAre() {
        List<String> rows = List.of("b2", "c2");
        assertThat(NewerRevisions.traced(GRAPH, rows, Map.of())).isSameAs(rows);
    }

    @Test
    void aChainOfNewerRevisionsLeadsToTheLoadedOneItWasAppliedOn() {
        assertThat(NewerRevisions.traced(GRAPH, List.of("e5", "c2"), log("d4", "b2", "e5", "d4")))
                .containsExactly("b2", "c2");
    }

    @Test
    void aNewerMergeKeepsOnlyTheHeadsOfWhatItWasAppliedOn() {
        // m6 merges b2 with x3, which was applied on a1: a1 lies beneath b2 and is not a row to plan from.
        assertThat(NewerRevisions.traced(GRAPH, List.of("m6", "c2"), log("m6", "b2,x3", "x3", "a1")))
                .containsExactlyInAnyOrder("b2", "c2");
    }

    @Test
    void aNewerBaseAddsNothingToPlanFrom() {
        assertThat(NewerRevisions.traced(GRAPH, List.of("b2", "c2", "n1"), log("n1", ""))).containsExactly("b2",
                "c2");
    }

    @Test
    void aRevisionTheLogDoesNotShowAppliedIsNotTraced() {
        assertThat(NewerRevisions.traced(GRAPH, List.of("d4"), Map.of())).isNull();
        assertThat(NewerRevisions.traced(GRAPH, List.of("e5"), log("e5", "d4"))).isNull();
        Map<String, LogStore.Entry> stamped = Map.of("d4", new LogStore.Entry("d4", LogStore.STAMP, null, null, null,
                null, 0));
        assertThat(NewerRevisions.traced(GRAPH, List.of("d4"), stamped)).isNull();
        Map<String, LogStore.Entry> undone = Map.of("d4", new LogStore.Entry("d4", "down", "sum", null, "b2", null,
                0));
        assertThat(NewerRevisions.traced(GRAPH, List.of("d4"), undone)).isNull();
    }
}
