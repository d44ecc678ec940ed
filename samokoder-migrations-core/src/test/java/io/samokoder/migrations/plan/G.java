package io.samokoder.migrations.plan;

import io.samokoder.migrations.graph.Revision;
import io.samokoder.migrations.graph.RevisionGraph;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Short ways to write graphs, planners and expectations in the plan tests. */
final class G {

    private G() {
    }

    /** A revision builder: {@code rev("c").down("b").deps("x").labels("l")}. */
    static B rev(String id) {
        return new B(id);
    }

    static Planner planner(B... revisions) {
        return new Planner(graph(revisions));
    }

    static RevisionGraph graph(B... revisions) {
        List<Revision> list = new ArrayList<>();
        for (B b : revisions) {
            list.add(b.build());
        }
        return RevisionGraph.of(list);
    }

    static List<String> ids(List<Revision> revisions) {
        List<String> result = new ArrayList<>();
        for (Revision revision : revisions) {
            result.add(revision.id());
        }
        return result;
    }

    /** "U:a", "D:b", "S:c" per step. */
    static List<String> steps(Plan plan) {
        List<String> result = new ArrayList<>();
        for (Step step : plan.steps()) {
            String kind = switch (step.kind()) {
                case UPGRADE -> "U";
                case DOWNGRADE -> "D";
                case STAMP -> "S";
            };
            result.add(kind + ":" + step.revision());
        }
        return result;
    }

    /** Step revisions only. */
    static List<String> revs(Plan plan) {
        List<String> result = new ArrayList<>();
        for (Step step : plan.steps()) {
            result.add(step.revision());
        }
        return result;
    }

    /** Row changes of all steps, as "+a", "-b", "b>c". */
    static List<String> changes(Plan plan) {
        List<String> result = new ArrayList<>();
        for (Step step : plan.steps()) {
            result.addAll(changes(step));
        }
        return result;
    }

    static List<String> changes(Step step) {
        List<String> result = new ArrayList<>();
        for (RowChange change : step.rowChanges()) {
            if (change instanceof RowChange.Insert insert) {
                result.add("+" + insert.revision());
            } else if (change instanceof RowChange.Delete delete) {
                result.add("-" + delete.revision());
            } else if (change instanceof RowChange.Update update) {
                result.add(update.from() + ">" + update.to());
            }
        }
        return result;
    }

    static Set<String> set(String... values) {
        return new LinkedHashSet<>(Arrays.asList(values));
    }

    static Set<String> set(List<String> values) {
        return new LinkedHashSet<>(values);
    }

    static List<String> rows(String... values) {
        return List.of(values);
    }

    /** Collects the declaration of one revision. */
    static final class B {
        private final String id;
        private final List<String> down = new ArrayList<>();
        private final List<String> deps = new ArrayList<>();
        private final Set<String> labels = new LinkedHashSet<>();

        B(String id) {
            this.id = id;
        }

        B down(String... ids) {
            this.down.addAll(Arrays.asList(ids));
            return this;
        }

        B deps(String... keys) {
            this.deps.addAll(Arrays.asList(keys));
            return this;
        }

        B labels(String... names) {
            this.labels.addAll(Arrays.asList(names));
            return this;
        }

        Revision build() {
            return new Revision(this.id, this.down, this.labels, this.deps, "", "");
        }
    }
}
