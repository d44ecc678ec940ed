package io.samokoder.migrations.plan;

import java.math.BigInteger;
import java.util.BitSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which revisions an upgrade or downgrade target names against the current rows (spec §2.5, §2.6):
 * Alembic's {@code _parse_upgrade_target} and {@code _parse_downgrade_target}, relative targets
 * included. Pure.
 */
final class TargetParser {

    /**
     * Alembic's relative destination, matched at the start only. In a holder class: compiled on the
     * first spec that can be relative (one with a sign), not on every start-up.
     */
    private static final class Relative {
        static final Pattern PATTERN = Pattern.compile("(?:(.+?)@)?(\\w+)?([+-]\\d+)", Pattern.UNICODE_CHARACTER_CLASS);
    }

    /** A matcher of {@link Relative#PATTERN}, or null when the text has no sign and so cannot match. */
    private static Matcher relative(String text) {
        if (text.indexOf('+') < 0 && text.indexOf('-') < 0) {
            return null;
        }
        Matcher match = Relative.PATTERN.matcher(text);
        return match.lookingAt() ? match : null;
    }

    /** A downgrade target: its branch label (may be null) and its position. */
    record DowngradeTarget(String label, int revision) {
    }

    private final GraphIndex index;
    private final SpecResolver resolver;
    private final Consumer<String> warnings;

    TargetParser(SpecResolver resolver, Consumer<String> warnings) {
        this.index = resolver.index();
        this.resolver = resolver;
        this.warnings = warnings;
    }

    /** Multi-lookup of an argument. */
    List<Integer> revisions(RevisionArg arg) {
        if (arg.tuple() != null) {
            return this.resolver.revisions(arg.tuple());
        }
        return this.resolver.revisions(arg.single());
    }

    /** Alembic's {@code _parse_upgrade_target} (spec §2.5). */
    List<Integer> parseUpgradeTarget(RevisionArg current, RevisionArg target, boolean assertRelativeLength) {
        Matcher match = target.isString() ? relative(target.single()) : null;
        if (match == null) {
            return revisions(target);
        }
        String label = match.group(1);
        String symbol = match.group(2);
        String relativeText = match.group(3);
        BigInteger relativeValue = SpecResolver.pythonInt(relativeText);
        int relative = SpecResolver.clamp(relativeValue);
        if (relative > 0) {
            if (symbol == null) {
                List<String> currentValues = current.values();
                int[] starts;
                if (label != null) {
                    int[] currentNodes = Nodes.known(this.resolver.revisions(currentValues));
                    starts = this.resolver.filterForLineage(currentNodes, label, false);
                    if (starts.length == 0) {
                        BitSet active = this.index.ancestors(currentNodes);
                        int[] onBranch = this.resolver.filterForLineage(Nodes.of(active), label, false);
                        BitSet below = new BitSet();
                        for (int node : onBranch) {
                            for (int down : this.index.normDown[node]) {
                                below.set(down);
                            }
                        }
                        TopologicalOrder.IntList tips = new TopologicalOrder.IntList();
                        for (int node : onBranch) {
                            if (!below.get(node)) {
                                tips.add(node);
                            }
                        }
                        starts = tips.size() == 0 ? new int[] {SpecResolver.NONE} : tips.toArray();
                    }
                } else if (currentValues.isEmpty()) {
                    starts = new int[] {SpecResolver.NONE};
                } else {
                    if (currentValues.size() > 1) {
                        throw MapError.other("Ambiguous upgrade from multiple current revisions");
                    }
                    starts = new int[] {this.resolver.revision(currentValues.get(0))};
                }
                if (starts.length > 1) {
                    throw MapError.other("Ambiguous upgrade from multiple current revisions");
                }
                int revision = this.resolver.walk(starts[0], relative, label, assertRelativeLength);
                if (revision == SpecResolver.NONE) {
                    throw MapError.other("Relative revision " + relativeText + " didn't produce "
                            + Math.abs((long) relative) + " migrations");
                }
                return List.of(revision);
            }
            return List.of(this.resolver.walk(this.resolver.revision(symbol), relative, label, assertRelativeLength));
        }
        if (symbol == null) {
            throw MapError.other("Relative revision " + relativeValue + " didn't produce "
                    + relativeValue.abs() + " migrations");
        }
        int start = label == null ? this.resolver.revision(symbol) : this.resolver.revision(label + "@" + symbol);
        return List.of(this.resolver.walk(start, relative, null, assertRelativeLength));
    }

    /** Alembic's {@code _parse_downgrade_target} (spec §2.6). */
    DowngradeTarget parseDowngradeTarget(RevisionArg current, String target, boolean assertRelativeLength) {
        if (target == null) {
            return new DowngradeTarget(null, SpecResolver.NONE);
        }
        Matcher match = relative(target);
        if (match != null) {
            String label = match.group(1);
            String symbol = match.group(2);
            String relativeText = match.group(3);
            BigInteger relativeValue = SpecResolver.pythonInt(relativeText);
            int relative = SpecResolver.clamp(relativeValue);
            if (relativeValue.signum() >= 0) {
                if (symbol == null) {
                    throw MapError.other("Relative revision " + relativeText + " didn't produce "
                            + relativeValue.abs() + " migrations");
                }
                int revision = this.resolver.walk(this.resolver.revision(symbol), relative, label,
                        assertRelativeLength);
                if (revision == SpecResolver.NONE) {
                    throw MapError.other("Walked too far");
                }
                return new DowngradeTarget(label, revision);
            }
            boolean relativeRevision = symbol == null;
            if (relativeRevision) {
                if (label != null) {
                    List<String> rows = current.values();
                    int[] rowNodes = new int[rows.size()];
                    for (int i = 0; i < rowNodes.length; i++) {
                        rowNodes[i] = this.resolver.revisionForIdent(rows.get(i), null);
                    }
                    int[] symbols = this.resolver.filterForLineage(rowNodes, label, false);
                    if (symbols.length == 0) {
                        symbols = this.resolver.filterForLineage(allCurrent(rowNodes), label, false);
                    }
                    if (symbols.length != 1) {
                        throw MapError.other("Relative revision " + target + " needs exactly one current revision "
                                + "in the lineage of '" + label + "', found " + this.index.names(symbols)
                                + "; name the revision to start from, e.g. '<revision>" + relativeText + "'");
                    }
                    symbol = this.index.ids[symbols[0]];
                } else {
                    List<String> rows = current.values();
                    if (rows.isEmpty()) {
                        throw MapError.other("Relative revision " + relativeText + " didn't produce "
                                + relativeValue.abs() + " migrations");
                    }
                    if (Set.copyOf(rows).size() > 1) {
                        this.warnings.accept("downgrade -1 from multiple heads is ambiguous; this usage will be "
                                + "disallowed in a future release.");
                    }
                    symbol = rows.get(0);
                    label = symbol;
                }
            }
            int start = label == null ? this.resolver.revision(symbol) : this.resolver.revision(label + "@" + symbol);
            int revision = this.resolver.walk(start, relative, null, assertRelativeLength);
            if (revision == SpecResolver.NONE) {
                if (relativeRevision) {
                    throw MapError.other("Relative revision " + relativeText + " didn't produce "
                            + relativeValue.abs() + " migrations");
                }
                throw MapError.other("Walked too far");
            }
            return new DowngradeTarget(label, revision);
        }
        int at = target.lastIndexOf('@');
        String label = at > 0 ? target.substring(0, at) : null;
        String symbol = at >= 0 ? target.substring(at + 1) : target;
        return new DowngradeTarget(label, this.resolver.revision(symbol));
    }

    /** Alembic's {@code _get_all_current}: rows and their ancestors, reduced to branch tips. */
    int[] allCurrent(int[] rows) {
        BitSet all = this.index.ancestors(Nodes.known(rows));
        TopologicalOrder.IntList tips = new TopologicalOrder.IntList();
        for (int node = all.nextSetBit(0); node >= 0; node = all.nextSetBit(node + 1)) {
            boolean childInSet = false;
            for (int child : this.index.children[node]) {
                if (all.get(child)) {
                    childInSet = true;
                    break;
                }
            }
            if (!childInSet) {
                tips.add(node);
            }
        }
        return tips.toArray();
    }
}
