package io.samokoder.migrations.plan;

import io.samokoder.migrations.graph.RevisionException;

/**
 * A revision spec names nothing, or nothing unique: "Can't locate revision identified by 'X'". The
 * same text covers an unknown id or label, an ambiguous prefix, an unknown branch and a revision
 * outside the named branch, as in Alembic; {@link #getCause()} is absent and {@link #detail()}
 * keeps the precise reason.
 */
public final class RevisionNotFoundException extends RevisionException {

    private static final long serialVersionUID = 1L;

    private final String identifier;
    private final String detail;

    /**
     * Creates the exception.
     *
     * @param identifier the failing part of the spec
     * @param detail the precise reason, e.g. "Multiple revisions start with 'abcd': ..."
     */
    public RevisionNotFoundException(String identifier, String detail) {
        super("Can't locate revision identified by '" + identifier + "'");
        this.identifier = identifier;
        this.detail = detail;
    }

    /** The failing part of the spec, e.g. {@code abc} for an ambiguous prefix. */
    public String identifier() {
        return this.identifier;
    }

    /** The precise map-level reason, e.g. "No such revision or branch 'abc'". */
    public String detail() {
        return this.detail;
    }
}
