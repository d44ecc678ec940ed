package io.samokoder.migrations.maven;

import java.io.Writer;
import org.apache.maven.plugin.logging.Log;

/** Writes each line of a command's text as one INFO line of the Maven log. */
final class LogWriter extends Writer {

    private final Log log;
    private final StringBuilder line = new StringBuilder();

    LogWriter(Log log) {
        this.log = log;
    }

    @Override
    public void write(char[] buffer, int offset, int length) {
        for (int i = offset; i < offset + length; i++) {
            char c = buffer[i];
            if (c == '\n') {
                this.log.info(this.line.toString());
                this.line.setLength(0);
            } else if (c != '\r') {
                this.line.append(c);
            }
        }
    }

    @Override
    public void flush() {
        // Whole lines are written as they end; a last line without a line break on close.
    }

    @Override
    public void close() {
        if (this.line.length() > 0) {
            this.log.info(this.line.toString());
            this.line.setLength(0);
        }
    }
}
