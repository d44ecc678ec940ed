package io.samokoder.migrations.cli;

/** A wrong option or configuration: printed with the usage, exit status 2. */
final class CliUsageException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    CliUsageException(String message) {
        super(message);
    }
}
