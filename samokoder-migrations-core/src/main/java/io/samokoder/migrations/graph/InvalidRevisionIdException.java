package io.samokoder.migrations.graph;

/**
 * A revision id contains a character that revision specs reserve:
 * "Character(s) '&lt;chars&gt;' not allowed in revision identifier '&lt;id&gt;'".
 */
public final class InvalidRevisionIdException extends RevisionException {

    private static final long serialVersionUID = 1L;

    private final String revision;

    /**
     * Creates the exception.
     *
     * @param message the full message
     * @param revision the rejected id
     */
    public InvalidRevisionIdException(String message, String revision) {
        super(message);
        this.revision = revision;
    }

    /** The rejected id. */
    public String revision() {
        return this.revision;
    }
}
