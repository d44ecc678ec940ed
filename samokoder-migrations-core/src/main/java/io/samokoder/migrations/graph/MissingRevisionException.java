package io.samokoder.migrations.graph;

/**
 * A revision names a down revision or a dependency that no script declares:
 * "Revision X referenced from Y is not present".
 */
public final class MissingRevisionException extends RevisionException {

    private static final long serialVersionUID = 1L;

    private final String missing;
    private final String referencedFrom;

    /**
     * Creates the exception.
     *
     * @param missing the id or label that is not present
     * @param referencedFrom the revision that names it
     * @param source where the referencing revision was declared (may be empty)
     */
    public MissingRevisionException(String missing, String referencedFrom, String source) {
        super("Revision " + missing + " referenced from " + referencedFrom + " is not present"
                + (source == null || source.isEmpty() ? "" : " (declared in " + source + ")"));
        this.missing = missing;
        this.referencedFrom = referencedFrom;
    }

    /** The id or label that is not present. */
    public String missing() {
        return this.missing;
    }

    /** The revision whose down revisions or dependencies name the missing one. */
    public String referencedFrom() {
        return this.referencedFrom;
    }
}
