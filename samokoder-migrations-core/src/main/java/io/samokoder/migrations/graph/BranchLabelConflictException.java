package io.samokoder.migrations.graph;

/**
 * A branch label equals a revision id or a label declared by another revision:
 * "Branch name 'L' in revision R already used by revision S".
 */
public final class BranchLabelConflictException extends RevisionException {

    private static final long serialVersionUID = 1L;

    private final String label;

    /**
     * Creates the exception.
     *
     * @param label the clashing label
     * @param revision the revision declaring it
     * @param usedBy the revision whose id or label it already is
     */
    public BranchLabelConflictException(String label, String revision, String usedBy) {
        this(label, revision, usedBy, "", "");
    }

    /**
     * Creates the exception, naming where both revisions are declared after Alembic's text.
     *
     * @param label the clashing label
     * @param revision the revision declaring it
     * @param usedBy the revision whose id or label it already is
     * @param source where {@code revision} is declared, or empty
     * @param usedBySource where {@code usedBy} is declared, or empty
     */
    public BranchLabelConflictException(String label, String revision, String usedBy, String source,
            String usedBySource) {
        super("Branch name '" + label + "' in revision " + revision + " already used by revision " + usedBy
                + (source.isEmpty() ? "" : "; give the label another name in the 'Branch Labels' of " + source
                        + (usedBySource.isEmpty() || usedBySource.equals(source) ? "" : " (" + usedBy + " is "
                                + usedBySource + ")")));
        this.label = label;
    }

    /** The clashing label. */
    public String label() {
        return this.label;
    }
}
