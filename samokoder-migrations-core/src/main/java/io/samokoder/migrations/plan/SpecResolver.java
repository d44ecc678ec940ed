package io.samokoder.migrations.plan;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * Resolves revision spec tokens against the map exactly as Alembic's revision map does (spec §2.1,
 * §2.2, §2.4): symbols, ids, prefixes, branch labels, {@code L@X}, {@code [L@]-N} and one-step
 * walks. Positions are node indexes, or {@link #NONE} ("no revision": base, or an overwalk) and
 * {@link #BASE} (the position below a root reached by walking down).
 */
final class SpecResolver {

    /** Python's None: no revision. */
    static final int NONE = -1;
    /** Alembic's {@code "base"} marker reached by walking down from a root. */
    static final int BASE = -2;

    /** The ids a token denotes before identifier lookup, and its branch label. */
    record Number(List<String> ids, String label) {
    }

    private final GraphIndex index;

    SpecResolver(GraphIndex index) {
        this.index = index;
    }

    GraphIndex index() {
        return this.index;
    }

    static boolean truthy(String label) {
        return label != null && !label.isEmpty();
    }

    /** Alembic's {@code _resolve_revision_number}: splits at the first {@code @}, expands symbols. */
    Number resolveNumber(String spec) {
        String label = null;
        String id = spec;
        if (spec != null) {
            int at = spec.indexOf('@');
            if (at >= 0) {
                label = spec.substring(0, at);
                id = spec.substring(at + 1);
            }
        }
        if ("heads".equals(id)) {
            if (truthy(label)) {
                return new Number(this.index.names(filterForLineage(this.index.heads, label, false)), label);
            }
            return new Number(this.index.names(this.index.realHeads), label);
        }
        if ("head".equals(id)) {
            int head = currentHead(label);
            return new Number(head == NONE ? List.of() : List.of(this.index.ids[head]), label);
        }
        if (id == null || "base".equals(id)) {
            return new Number(List.of(), label);
        }
        return new Number(List.of(id), label);
    }

    /** The single map head, filtered by lineage with the label; MultipleHeads when several. */
    int currentHead(String label) {
        int[] heads = this.index.heads;
        if (truthy(label)) {
            heads = filterForLineage(heads, label, false);
        }
        if (heads.length > 1) {
            throw MapError.multipleHeads(this.index.names(heads), truthy(label) ? label + "@head" : "head");
        }
        return heads.length == 0 ? NONE : heads[0];
    }

    /** Multi-lookup of several tokens, concatenated. */
    List<Integer> revisions(List<String> specs) {
        List<Integer> result = new ArrayList<>();
        for (String spec : specs) {
            result.addAll(revisions(spec));
        }
        return result;
    }

    /** Alembic's {@code get_revisions} for one token: may contain {@link #NONE} or {@link #BASE} from {@code -N}. */
    List<Integer> revisions(String spec) {
        Number number = resolveNumber(spec);
        if (number.ids().size() == 1) {
            BigInteger value = pythonInt(number.ids().get(0));
            if (value != null && value.signum() < 0) {
                int steps = clamp(value);
                List<Integer> result = new ArrayList<>();
                for (int head : this.index.realHeads) {
                    if (number.label() != null
                            && !this.index.graph.branchLabels(this.index.ids[head]).contains(number.label())) {
                        continue;
                    }
                    result.add(walk(head, steps, null, true));
                }
                return result;
            }
        }
        List<Integer> result = new ArrayList<>(number.ids().size());
        for (String id : number.ids()) {
            result.add(revisionForIdent(id, number.label()));
        }
        return result;
    }

    /** Alembic's {@code get_revision}: one revision or {@link #NONE}; MultipleHeads when several. */
    int revision(String spec) {
        Number number = resolveNumber(spec);
        if (number.ids().size() > 1) {
            throw MapError.multipleHeads(number.ids(), spec);
        }
        return revisionForIdent(number.ids().isEmpty() ? null : number.ids().get(0), number.label());
    }

    /** Alembic's {@code _resolve_branch}: exact key, else a prefix; "No such branch" otherwise. */
    int resolveBranch(String label) {
        Optional<String> exact = this.index.graph.revisionForKey(label);
        if (exact.isPresent()) {
            return this.index.node(exact.get());
        }
        try {
            return revisionForIdent(label, null);
        } catch (MapError e) {
            if (e.kind == MapError.Kind.RESOLUTION) {
                throw MapError.resolution("No such branch: '" + label + "'", label);
            }
            throw e;
        }
    }

    /** Alembic's {@code _revision_for_ident}: exact key, else a unique prefix; checks the branch. */
    int revisionForIdent(String id, String checkBranch) {
        int branchRev = NONE;
        if (truthy(checkBranch)) {
            branchRev = resolveBranch(checkBranch);
        }
        if (id == null) {
            return NONE;
        }
        int revision;
        Optional<String> exact = this.index.graph.revisionForKey(id);
        if (exact.isPresent()) {
            revision = this.index.node(exact.get());
        } else {
            List<String> candidates = prefixCandidates(id);
            if (branchRev != NONE && !candidates.isEmpty()) {
                BitSet lineage = lineage(new int[] {branchRev}, false);
                List<String> kept = new ArrayList<>(candidates.size());
                for (String key : candidates) {
                    if (lineage.get(keyNode(key))) {
                        kept.add(key);
                    }
                }
                candidates = kept;
            }
            if (candidates.isEmpty()) {
                throw MapError.resolution("No such revision or branch '" + id + "'"
                        + (id.length() < 4
                                ? "; please ensure at least four characters are present for partial revision identifier matches"
                                : ""), id);
            }
            if (candidates.size() > 1) {
                StringBuilder shown = new StringBuilder();
                for (int i = 0; i < Math.min(3, candidates.size()); i++) {
                    if (i > 0) {
                        shown.append(", ");
                    }
                    shown.append('\'').append(candidates.get(i)).append('\'');
                }
                throw MapError.resolution("Multiple revisions start with '" + id + "': " + shown + "...", id);
            }
            revision = keyNode(candidates.get(0));
        }
        if (branchRev != NONE && !lineage(new int[] {branchRev}, false).get(revision)) {
            throw MapError.resolution("Revision " + this.index.ids[revision] + " is not a member of branch '"
                    + checkBranch + "'", id);
        }
        return revision;
    }

    private int keyNode(String key) {
        return this.index.node(this.index.graph.revisionForKey(key).orElseThrow());
    }

    /** Keys longer than three characters starting with the prefix, ids in load order, then labels. */
    private List<String> prefixCandidates(String prefix) {
        // Sorted by the graph on first use: only prefix lookups need the sorted keys.
        List<String> sortedKeys = this.index.graph.keys();
        int low = Collections.binarySearch(sortedKeys, prefix);
        if (low < 0) {
            low = -low - 1;
        }
        List<String> ids = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        for (int i = low; i < sortedKeys.size() && sortedKeys.get(i).startsWith(prefix); i++) {
            String key = sortedKeys.get(i);
            if (key.length() > 3) {
                (this.index.contains(key) ? ids : labels).add(key);
            }
        }
        ids.sort((a, b) -> Integer.compare(this.index.node(a), this.index.node(b)));
        ids.addAll(labels);
        return ids;
    }

    /**
     * The nodes that share lineage with any of the given revisions: with {@code includeDependencies}
     * false, their ancestors and descendants along down revisions; with it true, Alembic's mixed
     * walk (a target T qualifies when S is in T's normalised ancestors or in T's descendants
     * including dependents).
     */
    BitSet lineage(int[] against, boolean includeDependencies) {
        if (!includeDependencies) {
            BitSet result = this.index.ancestorsNoDeps(against);
            result.or(this.index.descendantsNoDeps(against));
            return result;
        }
        BitSet result = GraphIndex.reach(against, this.index.normChildren());
        result.or(GraphIndex.reach(against, this.index.allDown));
        return result;
    }

    /** Alembic's {@code filter_for_lineage}: the targets sharing lineage with a spec, in order. */
    int[] filterForLineage(int[] targets, String checkAgainst, boolean includeDependencies) {
        Number number = resolveNumber(checkAgainst);
        if (targets.length == 0) {
            return targets;
        }
        List<String> shares = new ArrayList<>();
        if (truthy(number.label())) {
            shares.add(number.label());
        }
        shares.addAll(number.ids());
        if (shares.isEmpty()) {
            return targets;
        }
        int[] against = new int[shares.size()];
        for (int i = 0; i < against.length; i++) {
            against[i] = revisionForIdent(shares.get(i), null);
        }
        BitSet lineage = lineage(against, includeDependencies);
        int[] kept = new int[targets.length];
        int count = 0;
        for (int target : targets) {
            if (target >= 0 && lineage.get(target)) {
                kept[count++] = target;
            }
        }
        return java.util.Arrays.copyOf(kept, count);
    }

    /** Alembic's {@code _walk}: one step at a time up (children) or down (parents), spec §2.4. */
    int walk(int start, int steps, String label, boolean noOverwalk) {
        int current = start;
        int count = Math.abs(steps);
        for (int i = 0; i < count; i++) {
            int[] candidates;
            if (steps > 0) {
                candidates = current < 0 ? this.index.bases : this.index.children[current];
                if (truthy(label)) {
                    candidates = filterForLineage(candidates, label, false);
                }
            } else if (current == BASE) {
                candidates = new int[0];
            } else {
                candidates = current == NONE ? this.index.heads : this.index.parents[current];
                if (candidates.length == 0) {
                    candidates = new int[] {BASE};
                }
            }
            if (candidates.length == 0) {
                return noOverwalk ? NONE : current;
            }
            if (candidates.length > 1) {
                throw MapError.other("Ambiguous walk");
            }
            current = candidates[0];
        }
        return current;
    }

    /** Python's {@code int(text)}: optional sign, digits with single underscores, spaces around. */
    static BigInteger pythonInt(String text) {
        String s = text.strip();
        int i = 0;
        boolean negative = false;
        if (i < s.length() && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
            negative = s.charAt(i) == '-';
            i++;
        }
        if (i >= s.length()) {
            return null;
        }
        StringBuilder digits = new StringBuilder();
        boolean lastUnderscore = true;
        for (; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '_') {
                if (lastUnderscore) {
                    return null;
                }
                lastUnderscore = true;
                continue;
            }
            int digit = Character.digit(c, 10);
            if (digit < 0 || !Character.isDigit(c)) {
                return null;
            }
            digits.append((char) ('0' + digit));
            lastUnderscore = false;
        }
        if (lastUnderscore) {
            return null;
        }
        BigInteger value = new BigInteger(digits.toString());
        return negative ? value.negate() : value;
    }

    static int clamp(BigInteger value) {
        if (value.bitLength() > 31) {
            return value.signum() < 0 ? -Integer.MAX_VALUE : Integer.MAX_VALUE;
        }
        return value.intValue();
    }
}
