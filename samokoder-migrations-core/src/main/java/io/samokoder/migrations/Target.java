package io.samokoder.migrations;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Where to move the database: one revision spec or several, the same for upgrade, downgrade and
 * stamp. A spec is anything of README "Revision specs": a revision id or prefix, a branch label,
 * {@code head}, {@code heads}, {@code base}, {@code label@head}, {@code +1}, {@code -1}, ...
 *
 * <p>Immutable; equal when the specs are equal and in the same order.
 */
public final class Target {

    /** All heads: the usual upgrade target. */
    public static final Target HEADS = new Target(List.of("heads"));

    /** Before the first revision: a downgrade to it removes everything. */
    public static final Target BASE = new Target(List.of("base"));

    private final List<String> specs;

    private Target(List<String> specs) {
        this.specs = specs;
    }

    /**
     * A target of the given specs.
     *
     * @param specs one or more revision specs, none blank
     * @throws IllegalArgumentException when there is no spec, or one is blank or contains whitespace
     */
    public static Target of(String... specs) {
        return of(List.of(specs));
    }

    /**
     * A target of the given specs.
     *
     * @param specs one or more revision specs, none blank
     * @throws IllegalArgumentException when there is no spec, or one is blank or contains whitespace
     */
    public static Target of(List<String> specs) {
        Objects.requireNonNull(specs, "specs");
        if (specs.isEmpty()) {
            throw new IllegalArgumentException("A target needs at least one revision spec, e.g. 'heads' or 'base'");
        }
        for (String spec : specs) {
            Objects.requireNonNull(spec, "spec");
            if (spec.isBlank() || !spec.equals(spec.strip()) || spec.chars().anyMatch(Character::isWhitespace)) {
                throw new IllegalArgumentException("Revision spec '" + spec
                        + "' is blank or contains whitespace; give each spec as its own argument");
            }
        }
        return new Target(List.copyOf(specs));
    }

    /**
     * Parses whitespace-separated specs, as a command line or a property gives them: {@code "heads"},
     * {@code "a1b2 c3d4"}. Blank text means {@link #BASE}, as for Alembic's stamp.
     */
    public static Target parse(String text) {
        if (text == null || text.isBlank()) {
            return BASE;
        }
        List<String> specs = new ArrayList<>();
        for (String part : text.strip().split("\\s+")) {
            specs.add(part);
        }
        return of(specs);
    }

    /** The specs, in the order given. */
    public List<String> specs() {
        return this.specs;
    }

    /** Whether this is exactly {@code heads}. */
    public boolean isHeads() {
        return this.specs.size() == 1 && "heads".equals(this.specs.get(0));
    }

    /** The specs joined by a blank, as they would be typed: {@code "heads"}, {@code "a1b2 c3d4"}. */
    @Override
    public String toString() {
        return String.join(" ", this.specs);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Target target && this.specs.equals(target.specs);
    }

    @Override
    public int hashCode() {
        return this.specs.hashCode();
    }
}
