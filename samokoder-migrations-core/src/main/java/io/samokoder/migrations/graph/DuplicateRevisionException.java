package io.samokoder.migrations.graph;

/**
 * Two scripts declare the same revision id. Alembic only warns and lets the later one win; this
 * engine refuses, because the stale copy would still distort the heads.
 */
public final class DuplicateRevisionException extends RevisionException {

    private static final long serialVersionUID = 1L;

    private final String revision;

    /**
     * Creates the exception.
     *
     * @param revision the duplicated id
     * @param firstSource where it was declared first (may be empty)
     * @param secondSource where it was declared again (may be empty)
     */
    public DuplicateRevisionException(String revision, String firstSource, String secondSource) {
        super("Revision " + revision + " is present more than once (in " + describe(firstSource) + " and "
                + describe(secondSource) + "); give each script its own revision id");
        this.revision = revision;
    }

    /** The duplicated revision id. */
    public String revision() {
        return this.revision;
    }

    private static String describe(String source) {
        return source == null || source.isEmpty() ? "<unnamed source>" : source;
    }
}
