package io.samokoder.migrations.cli;

import java.util.Map;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Words that tutorials show as Alembic commands and that are not (Alembic answers them with "invalid choice"):
 * {@code next} and {@code prev}. After picocli's report, a line names the command that does what they mean. Any
 * other error is the next handler's.
 */
final class UnknownCommands implements IParameterExceptionHandler {

    private static final Map<String, String> HINTS = Map.of(
            "next", "the revisions the database has yet to run: samokoder upgrade heads --dry-run"
                    + " (the next one alone: samokoder upgrade +1 --dry-run)",
            "prev", "the revision a downgrade would undo: samokoder downgrade -1 --dry-run; the database's"
                    + " revisions: samokoder current -v",
            "previous", "the revision a downgrade would undo: samokoder downgrade -1 --dry-run; the database's"
                    + " revisions: samokoder current -v");

    private final IParameterExceptionHandler delegate;

    UnknownCommands(IParameterExceptionHandler delegate) {
        this.delegate = delegate;
    }

    @Override
    public int handleParseException(ParameterException ex, String[] args) throws Exception {
        int status = this.delegate.handleParseException(ex, args);
        if (ex instanceof UnmatchedArgumentException unmatched && !unmatched.isUnknownOption()
                && unmatched.getCommandLine().getParent() == null && !unmatched.getUnmatched().isEmpty()) {
            String hint = HINTS.get(unmatched.getUnmatched().get(0));
            if (hint != null) {
                ex.getCommandLine().getErr().println("'" + unmatched.getUnmatched().get(0) + "' is not a command"
                        + " (nor Alembic's); for " + hint);
                ex.getCommandLine().getErr().flush();
            }
        }
        return status;
    }
}
