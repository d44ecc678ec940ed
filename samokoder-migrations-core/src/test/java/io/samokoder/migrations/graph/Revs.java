package io.samokoder.migrations.graph;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Short ways to write revisions and graphs in tests. */
final class Revs {

    private Revs() {
    }

    /** A revision builder: {@code rev("c").down("b").deps("x").labels("l")}. */
    static Builder rev(String id) {
        return new Builder(id);
    }

    /** Builds a graph from revisions or builders, in the given load order. */
    static RevisionGraph graph(Object... revisions) {
        return RevisionGraph.of(list(revisions));
    }

    /** Turns revisions or builders into revisions. */
    static List<Revision> list(Object... revisions) {
        List<Revision> result = new ArrayList<>(revisions.length);
        for (Object revision : revisions) {
            result.add(revision instanceof Builder builder ? builder.build() : (Revision) revision);
        }
        return result;
    }

    /** Collects the declaration of one revision. */
    static final class Builder {
        private final String id;
        private final List<String> down = new ArrayList<>();
        private final List<String> deps = new ArrayList<>();
        private final Set<String> labels = new LinkedHashSet<>();
        private String source = "";

        Builder(String id) {
            this.id = id;
        }

        Builder down(String... ids) {
            this.down.addAll(Arrays.asList(ids));
            return this;
        }

        Builder deps(String... keys) {
            this.deps.addAll(Arrays.asList(keys));
            return this;
        }

        Builder labels(String... names) {
            this.labels.addAll(Arrays.asList(names));
            return this;
        }

        Builder source(String file) {
            this.source = file;
            return this;
        }

        Revision build() {
            return new Revision(this.id, this.down, this.labels, this.deps, "", this.source);
        }
    }
}
