package io.samokoder.migrations.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Compares the fast graph with {@link NaiveRevisionMap} on seeded random histories. */
class ReferenceModelTest {

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16})
    void fastGraphAgreesWithTheLiteralModel(long seed) {
        List<Revision> revisions = randomHistory(new Random(seed), 60 + (int) seed * 5);
        RevisionGraph graph = RevisionGraph.of(revisions);
        NaiveRevisionMap model = new NaiveRevisionMap(revisions, false, false);
        NaiveRevisionMap reordered = new NaiveRevisionMap(revisions, true, true);

        List<String> heads = new ArrayList<>();
        List<String> realHeads = new ArrayList<>();
        List<String> bases = new ArrayList<>();
        List<String> realBases = new ArrayList<>();
        for (String id : model.order) {
            Revision revision = model.byId.get(id);
            if (model.children.get(id).isEmpty()) {
                heads.add(id);
            }
            if (model.allChildren.get(id).isEmpty()) {
                realHeads.add(id);
            }
            if (revision.downRevisions().isEmpty()) {
                bases.add(id);
                if (revision.dependsOn().isEmpty()) {
                    realBases.add(id);
                }
            }
            assertThat(graph.parents(id)).isEqualTo(model.parents(id));
            assertThat(graph.dependencies(id)).isEqualTo(model.deps.get(id));
            assertThat(graph.allDown(id)).isEqualTo(model.allDown(id));
            assertThat(graph.normalizedDependencies(id)).as("normalised deps of %s", id)
                    .isEqualTo(model.normDeps.get(id));
            assertThat(graph.normalizedDown(id)).isEqualTo(model.normDown(id));
            assertThat(new HashSet<>(graph.children(id))).isEqualTo(new HashSet<>(model.children.get(id)));
            assertThat(graph.allChildren(id)).isEqualTo(model.allChildren.get(id));
            assertThat(graph.branchLabels(id)).as("labels of %s", id).isEqualTo(model.labels.get(id))
                    .isEqualTo(reordered.labels.get(id));
            assertThat(graph.ancestors(id)).isEqualTo(inLoadOrder(model, model.walk(id, model::normDown)));
            assertThat(graph.ancestorsNoDeps(id)).isEqualTo(inLoadOrder(model, model.walk(id, model::parents)));
            assertThat(graph.descendants(id)).isEqualTo(inLoadOrder(model, model.walk(id, model.allChildren::get)));
            assertThat(graph.descendantsNoDeps(id)).isEqualTo(inLoadOrder(model, model.walk(id, model.children::get)));
            assertThat(graph.isBranchPoint(id)).isEqualTo(model.children.get(id).size() > 1);
            assertThat(graph.isRealBranchPoint(id)).isEqualTo(model.allChildren.get(id).size() > 1);
            assertThat(graph.isMergePoint(id)).isEqualTo(model.parents(id).size() > 1);
        }
        assertThat(graph.heads()).isEqualTo(heads);
        assertThat(graph.realHeads()).isEqualTo(realHeads);
        assertThat(graph.bases()).isEqualTo(bases);
        assertThat(graph.realBases()).isEqualTo(realBases);
        for (String key : model.byKey.keySet()) {
            assertThat(graph.revisionForKey(key)).contains(model.byKey.get(key));
        }
    }

    @Test
    void randomHistoriesExerciseLabelsOnAncestorsAndDroppedDependencies() {
        int labelledAncestors = 0;
        int droppedDependencies = 0;
        for (long seed = 1; seed <= 16; seed++) {
            List<Revision> revisions = randomHistory(new Random(seed), 60 + (int) seed * 5);
            RevisionGraph graph = RevisionGraph.of(revisions);
            for (Revision revision : revisions) {
                String id = revision.id();
                for (String label : graph.branchLabels(id)) {
                    String owner = graph.revisionForKey(label).orElseThrow();
                    if (!graph.ancestorsNoDeps(id).contains(owner)) {
                        labelledAncestors++;
                    }
                }
                if (graph.normalizedDependencies(id).size() < graph.dependencies(id).size()) {
                    droppedDependencies++;
                }
            }
        }
        assertThat(labelledAncestors).isPositive();
        assertThat(droppedDependencies).isPositive();
    }

    private static Set<String> inLoadOrder(NaiveRevisionMap model, List<String> ids) {
        Set<String> members = new HashSet<>(ids);
        Set<String> result = new LinkedHashSet<>();
        for (String id : model.order) {
            if (members.contains(id)) {
                result.add(id);
            }
        }
        return result;
    }

    /** Created in a parents-first order, then shuffled into a load order. */
    static List<Revision> randomHistory(Random random, int size) {
        List<Revision> created = new ArrayList<>(size);
        List<String> ids = new ArrayList<>(size);
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            String id = "r" + i;
            List<String> down = new ArrayList<>();
            if (i > 0 && random.nextInt(100) >= 6) {
                down.add(ids.get(recent(random, i)));
                if (i > 3 && random.nextInt(100) < 12) {
                    String other = ids.get(random.nextInt(i));
                    if (!down.contains(other)) {
                        down.add(other);
                    }
                }
            }
            List<String> deps = new ArrayList<>();
            if (i > 0 && random.nextInt(100) < 25) {
                deps.add(ids.get(random.nextInt(i)));
                if (!labels.isEmpty() && random.nextInt(100) < 30) {
                    deps.add(labels.get(random.nextInt(labels.size())));
                }
            }
            Set<String> ownLabels = new HashSet<>();
            if (random.nextInt(100) < 12) {
                String label = "label" + i;
                ownLabels.add(label);
                labels.add(label);
                if (random.nextBoolean()) {
                    ownLabels.add("extra" + i);
                    labels.add("extra" + i);
                }
            }
            created.add(new Revision(id, down, ownLabels, deps, "", "file" + i));
            ids.add(id);
        }
        List<Revision> loadOrder = new ArrayList<>(created);
        Collections.shuffle(loadOrder, random);
        return loadOrder;
    }

    private static int recent(Random random, int bound) {
        int back = 1 + random.nextInt(Math.min(bound, random.nextInt(100) < 80 ? 2 : 12));
        return bound - back;
    }
}
