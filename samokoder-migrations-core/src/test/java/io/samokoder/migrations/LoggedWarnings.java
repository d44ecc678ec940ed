package io.samokoder.migrations;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.LoggerFactory;

/** The WARN lines that the engine (or another logger's tree) logs while this is open. */
final class LoggedWarnings implements AutoCloseable {

    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
    private final Logger logger;

    LoggedWarnings() {
        this("io.samokoder");
    }

    LoggedWarnings(String loggerName) {
        this.logger = (Logger) LoggerFactory.getLogger(loggerName);
        this.appender.start();
        this.logger.addAppender(this.appender);
    }

    /** The messages logged at WARN so far, formatted. */
    List<String> messages() {
        return messages(Level.WARN);
    }

    /** The messages logged at a level so far, formatted. */
    List<String> messages(Level level) {
        List<String> messages = new ArrayList<>();
        for (ILoggingEvent event : List.copyOf(this.appender.list)) {
            if (event.getLevel() == level) {
                messages.add(event.getFormattedMessage());
            }
        }
        return messages;
    }

    @Override
    public void close() {
        this.logger.detachAppender(this.appender);
        this.appender.stop();
    }
}
