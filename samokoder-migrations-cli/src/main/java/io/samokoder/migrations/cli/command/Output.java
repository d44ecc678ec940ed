package io.samokoder.migrations.cli.command;

import java.io.PrintWriter;
import java.util.Objects;

/**
 * Where commands write: the result to {@code out} (one buffered writer, flushed by the caller),
 * progress and warnings to {@code err}. JSON is written with Jackson, which is loaded only when a
 * command writes JSON. Quiet (Alembic's {@code --quiet}), the result is not written, apart from offline SQL
 * ({@link #sql}); progress and warnings still are.
 */
public final class Output {

    private final PrintWriter out;
    private final PrintWriter err;
    private final OutputFormat format;
    private final boolean quiet;

    /**
     * @param out the result stream
     * @param err the progress stream
     * @param format text or JSON
     */
    public Output(PrintWriter out, PrintWriter err, OutputFormat format) {
        this(out, err, format, false);
    }

    /**
     * @param out the result stream
     * @param err the progress stream
     * @param format text or JSON
     * @param quiet whether the result is left out, offline SQL apart
     */
    public Output(PrintWriter out, PrintWriter err, OutputFormat format, boolean quiet) {
        this.out = Objects.requireNonNull(out, "out");
        this.err = Objects.requireNonNull(err, "err");
        this.format = Objects.requireNonNull(format, "format");
        this.quiet = quiet;
    }

    /** Whether the result is to be JSON. */
    public boolean json() {
        return this.format == OutputFormat.JSON;
    }

    /** Writes one line of the result (Alembic's {@code print_stdout}: the text and a line break). */
    public void line(String text) {
        if (!this.quiet) {
            this.out.append(text).append('\n');
        }
    }

    /** Writes text as it is. */
    public void text(String text) {
        if (!this.quiet) {
            this.out.append(text);
        }
    }

    /** Writes offline SQL ({@code --sql}) as it is, quiet or not (Alembic's output buffer). */
    public void sql(String text) {
        this.out.append(text);
    }

    /** Writes a value as one pretty-printed JSON document. */
    public void json(Object value) {
        if (!this.quiet) {
            this.out.append(JsonText.write(value)).append('\n');
        }
    }

    /** Writes one progress line to the error stream and flushes it. */
    public void progress(String text) {
        this.err.append(text).append('\n');
        this.err.flush();
    }

    /** Flushes both streams. */
    public void flush() {
        this.out.flush();
        this.err.flush();
    }
}
