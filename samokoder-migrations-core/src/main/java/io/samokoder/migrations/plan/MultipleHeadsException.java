package io.samokoder.migrations.plan;

import io.samokoder.migrations.graph.RevisionException;
import java.util.List;

/**
 * A spec that must name one revision names several heads, e.g. {@code head} on a branched history.
 * The message is Alembic's command-level text for the command that failed.
 */
public final class MultipleHeadsException extends RevisionException {

    private static final long serialVersionUID = 1L;

    private final List<String> heads;

    /**
     * Creates the exception.
     *
     * @param message the command-level message
     * @param heads the heads the spec denoted
     */
    public MultipleHeadsException(String message, List<String> heads) {
        super(message);
        this.heads = List.copyOf(heads);
    }

    /** The heads the spec denoted. */
    public List<String> heads() {
        return this.heads;
    }
}
