package io.samokoder.migrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import io.samokoder.migrations.testsupport.PostgresDatabaseExtension;
import io.samokoder.migrations.testsupport.TestDatabase;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;
import org.slf4j.LoggerFactory;

/** A password given in the URL or the configuration appears in no log, exception, result or script. */
@ExtendWith(PostgresDatabaseExtension.class)
class SecretsTest {

    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
    private Logger samokoder;
    private Level previousLevel;

    @BeforeEach
    void capture() {
        this.samokoder = (Logger) LoggerFactory.getLogger("io.samokoder");
        this.previousLevel = this.samokoder.getLevel();
        this.samokoder.setLevel(Level.DEBUG);
        this.appender.start();
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).addAppender(this.appender);
    }

    @AfterEach
    void release() {
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).detachAppender(this.appender);
        this.samokoder.setLevel(this.previousLevel);
    }

    private static String secret(TestDatabase db) {
        return db.password().isEmpty() ? "Sup3r-S3cret-Pa55" : db.password();
    }

    private static String everything(Throwable error) {
        StringWriter out = new StringWriter();
        error.printStackTrace(new PrintWriter(out));
        return out.toString();
    }

    @Test
    void passwordsNeverLeak(TestDatabase db, @TempDir Path dir) {
        String secret = secret(db);
        Db.schema(db, "secrets");
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setURL(db.jdbcUrl() + (db.jdbcUrl().contains("?") ? "&" : "?") + "password=" + secret);
        ds.setUser(db.user());
        ds.setPassword(secret);
        ds.setCurrentSchema("secrets");
        Rev.writeAll(dir, Rev.of("a1", "").up("CREATE TABLE first (id int);").down("DROP TABLE first;"),
                Rev.of("b2", "a1").up("INSERT INTO missing VALUES (1);").down("SELECT 1;"));
        Migrations migrations = new Migrations(Db.config(ds, dir).build());
        List<String> seen = new ArrayList<>();

        seen.add(migrations.config().toString());
        seen.add(migrations.plan(Command.UPGRADE, "heads").toString());
        seen.add(migrations.plan(Command.UPGRADE, "heads").describe());
        seen.add(migrations.sql(Command.UPGRADE, "base:heads"));
        seen.add(migrations.upgrade("a1").toString());
        seen.add(migrations.status("heads").toString());
        seen.add(migrations.history(null).toString());
        Throwable failed = catchThrowable(() -> migrations.upgrade("heads"));
        assertThat(failed).isInstanceOf(MigrationExecutionException.class);
        seen.add(everything(failed));

        PGSimpleDataSource missingDb = new PGSimpleDataSource();
        missingDb.setURL(db.jdbcUrl().replace(db.name(), "no_such_database_here") + (db.jdbcUrl().contains("?") ? "&"
                : "?") + "password=" + secret);
        missingDb.setUser(db.user());
        missingDb.setPassword(secret);
        Throwable noDatabase = catchThrowable(() -> new Migrations(Db.config(missingDb, dir).build()).upgrade("heads"));
        assertThat(noDatabase).isInstanceOf(MigrationException.class);
        seen.add(everything(noDatabase));

        Throwable echoed = catchThrowable(() -> new Migrations(Db.config(new EchoingDataSource(secret), dir).build())
                .upgrade("heads"));
        assertThat(echoed).isInstanceOf(MigrationException.class).hasMessageContaining("password=***");
        seen.add(everything(echoed));
        // Each failed try to connect is logged: with the driver's text redacted too.
        Throwable retried = catchThrowable(() -> new Migrations(Db.config(new EchoingDataSource(secret), dir)
                .connectRetries(1).connectRetriesInterval(java.time.Duration.ofMillis(10)).build()).upgrade("heads"));
        assertThat(retried).isInstanceOf(MigrationException.class).hasMessageContaining("password=***");
        seen.add(everything(retried));
        assertThat(this.appender.list).extracting(ILoggingEvent::getFormattedMessage)
                .anySatisfy((message) -> assertThat(message).startsWith("Could not connect to the database (SQLSTATE"
                        + " 08001: Cannot connect to jdbc:postgresql://app:***@db.internal/app?password=***"));

        for (ILoggingEvent event : this.appender.list) {
            seen.add(event.getFormattedMessage());
            if (event.getThrowableProxy() != null) {
                seen.add(ThrowableProxyUtil.asString(event.getThrowableProxy()));
            }
        }
        assertThat(this.appender.list).isNotEmpty();
        assertThat(seen).allSatisfy(text -> assertThat(text).doesNotContain(secret));
    }

    /** A DataSource whose driver error quotes its URL, credentials included, as some drivers do. */
    private static final class EchoingDataSource extends PGSimpleDataSource {
        private static final long serialVersionUID = 1L;
        private final String secret;

        EchoingDataSource(String secret) {
            this.secret = secret;
        }

        @Override
        public Connection getConnection() throws SQLException {
            throw new SQLException("Cannot connect to jdbc:postgresql://app:" + this.secret
                    + "@db.internal/app?password="
                    + this.secret + "&ssl=true", "08001");
        }
    }

    @Test
    void dataSourceIsNotPartOfTheConfigurationText() {
        DataSource ds = new EchoingDataSource("Sup3r-S3cret-Pa55");
        assertThat(MigrationsConfig.builder().dataSource(ds).build().toString()).doesNotContain("Sup3r");
    }
}
