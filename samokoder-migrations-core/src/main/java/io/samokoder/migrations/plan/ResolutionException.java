package io.samokoder.migrations.plan;

import io.samokoder.migrations.graph.RevisionException;

/**
 * The revision map's own resolution failure (spec §9, map level), with Alembic's raw text: "No such
 * revision or branch 'x'", "Multiple revisions start with 'x': ...", "No such branch: 'L'" or
 * "Revision R is not a member of branch 'L'". Commands report the same failure as
 * {@link RevisionNotFoundException} ("Can't locate revision identified by 'x'").
 */
public final class ResolutionException extends RevisionException {

    private static final long serialVersionUID = 1L;

    private final String identifier;

    /**
     * Creates the exception.
     *
     * @param message the map-level text
     * @param identifier the failing part of the spec
     */
    public ResolutionException(String message, String identifier) {
        super(message);
        this.identifier = identifier;
    }

    /** The failing part of the spec, e.g. {@code abc} for an ambiguous prefix. */
    public String identifier() {
        return this.identifier;
    }
}
