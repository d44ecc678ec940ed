package io.samokoder.migrations.dialect.mariadb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.samokoder.migrations.MigrationConfigurationException;
import io.samokoder.migrations.dialect.Dialect;
import io.samokoder.migrations.ops.SqlValue;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The MariaDB and MySQL dialects' text, without a server. */
class MariaDbDialectTest {

    private static final MariaDbDialect MARIADB = MariaDbDialect.INSTANCE;
    private static final MariaDbDialect MYSQL = MariaDbDialect.MYSQL;

    @Test
    void timeoutsAreSecondsAndBecomeTheSessionVariablesOfEachServer() {
        assertThat(MARIADB.session().timeoutValue(Duration.ofSeconds(5))).isEqualTo("5");
        assertThat(MARIADB.session().timeoutValue(Duration.ofMillis(250))).isEqualTo("0.25");
        assertThat(MARIADB.session().timeoutValue(Duration.ofNanos(10))).isEqualTo("0.001");
        assertThat(MARIADB.session().timeoutValue(Duration.ZERO)).isEqualTo("0");

        assertThat(MARIADB.session().setTimeoutsSql("0.25", "1.5", true))
                .isEqualTo("SET SESSION lock_wait_timeout = 1, SESSION max_statement_time = 1.5");
        assertThat(MARIADB.session().setTimeoutsSql("0", "0", false))
                .as("a disabled lock timeout is lock_wait_timeout's maximum, since 0 there means no wait")
                .isEqualTo("SET SESSION lock_wait_timeout = 31536000, SESSION max_statement_time = 0");
        assertThat(MARIADB.session().setTimeoutsSql("86400", "0.000000", false))
                .as("the values read back from the server restore as they were")
                .isEqualTo("SET SESSION lock_wait_timeout = 86400, SESSION max_statement_time = 0");
        assertThat(MYSQL.session().setTimeoutsSql("5", "0.25", false))
                .isEqualTo("SET SESSION lock_wait_timeout = 5, SESSION max_execution_time = 250");
        assertThat(MYSQL.session().sessionSettingsQuery())
                .isEqualTo("SELECT @@SESSION.lock_wait_timeout, @@SESSION.max_execution_time / 1000, DATABASE(),"
                        + " @@SESSION.sql_mode, @@SESSION.time_zone, @@SESSION.foreign_key_checks,"
                        + " @@SESSION.unique_checks, @@SESSION.character_set_client, @@SESSION.character_set_results,"
                        + " @@SESSION.collation_connection, @@SESSION.wait_timeout");
        assertThat(MARIADB.session().keptSettings()).hasSize(9).startsWith("database").endsWith("wait_timeout");
        assertThat(MARIADB.session().deadHostSettings(Duration.ofMillis(7500), 10))
                .as("the dead-holder timeout is the session's idle limit, in whole seconds rounded up")
                .containsExactly(Map.entry("wait_timeout", "8"));
        assertThat(MARIADB.session().deadHostSettings(Duration.ofSeconds(2), 10))
                .as("above the engine's own pauses").containsExactly(Map.entry("wait_timeout", "5"));
        assertThat(MARIADB.session().deadHostSettings(Duration.ZERO, 10)).isEmpty();
        assertThat(MARIADB.session().idleLimitSettings()).containsExactly("wait_timeout");
        assertThat(MARIADB.session().restoreKeptSettingSql("wait_timeout", "28800"))
                .as("a number, which the server takes only unquoted").isEqualTo("SET SESSION wait_timeout = 28800");
        assertThat(MARIADB.session().restoreKeptSettingSql("database", "app`s")).isEqualTo("USE `app``s`");
        assertThat(MARIADB.session().restoreKeptSettingSql("database", null)).as("none selected").isNull();
        assertThat(MARIADB.session().restoreKeptSettingSql("foreign_key_checks", "1"))
                .as("a number: '1' is refused").isEqualTo("SET SESSION foreign_key_checks = 1");
        assertThat(MARIADB.session().restoreKeptSettingSql("sql_mode", "STRICT_TRANS_TABLES,NO_ENGINE_SUBSTITUTION"))
                .isEqualTo("SET SESSION sql_mode = 'STRICT_TRANS_TABLES,NO_ENGINE_SUBSTITUTION'");
        assertThat(MARIADB.session().restoreKeptSettingSql("time_zone", "+00:00"))
                .isEqualTo("SET SESSION time_zone = '+00:00'");
        assertThat(MARIADB.session().restoreKeptSettingSql("character_set_results", null))
                .isEqualTo("SET SESSION character_set_results = NULL");
        assertThat(MARIADB.session().restoreKeptSettingSql("time_zone", "x'; DROP TABLE t; --"))
                .as("not written in: set as a parameter").isNull();
        assertThat(MARIADB.session().restoreKeptSettingSql("unique_checks", "OFF"))
                .isEqualTo("SET SESSION unique_checks = OFF");
        assertThat(MARIADB.session().restoreKeptSettingSql("unique_checks", "2")).isNull();
        assertThatThrownBy(() -> MARIADB.session().setTimeoutsSql("5; DROP TABLE x", "0", false))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(MARIADB.ddl().offlineResetTimeouts()).containsExactly("SET SESSION lock_wait_timeout = DEFAULT",
                "SET SESSION max_statement_time = DEFAULT");
    }

    private static String literal(Dialect dialect, String text) {
        return ((MariaDbOperationRenderer) dialect.operations()).literal(SqlValue.of(text));
    }

    @Test
    void aSessionsSqlModeGivesTheDialectThatReadsAndWritesSqlAsThatSessionDoes() {
        assertThat(MARIADB.forSqlMode(null)).isSameAs(MARIADB);
        assertThat(MARIADB.forSqlMode("")).isSameAs(MARIADB);
        assertThat(MARIADB.forSqlMode("STRICT_TRANS_TABLES,ERROR_FOR_DIVISION_BY_ZERO,NO_ENGINE_SUBSTITUTION"))
            .isSameAs(MARIADB);
        assertThat(MARIADB.backslashEscapes()).isTrue();
        assertThat(MARIADB.ansiQuotes()).isFalse();

        Dialect plain = MARIADB.forSqlMode("STRICT_TRANS_TABLES,NO_BACKSLASH_ESCAPES");
        assertThat(plain.backslashEscapes()).isFalse();
        assertThat(plain.ansiQuotes()).isFalse();
        assertThat(plain.name()).isEqualTo("mariadb");
        assertThat(plain.store()).isSameAs(MARIADB.store());
        assertThat(plain.lock()).isSameAs(MARIADB.lock());
        assertThat(plain.forSqlMode("")).isSameAs(MARIADB);
        assertThat(plain.forSqlMode("no_backslash_escapes")).isSameAs(plain);
        assertThat(literal(MARIADB, "C:\\x'")).isEqualTo("'C:\\\\x'''");
        assertThat(literal(plain, "C:\\x'")).isEqualTo("'C:\\x'''");

        // sql_mode=ANSI and MariaDB's ORACLE are listed expanded, with ANSI_QUOTES among them.
        Dialect ansi = MARIADB.forSqlMode("REAL_AS_FLOAT,PIPES_AS_CONCAT,ANSI_QUOTES,IGNORE_SPACE,ANSI");
        assertThat(ansi.ansiQuotes()).isTrue();
        assertThat(ansi.backslashEscapes()).isTrue();
        assertThat(ansi.operations()).isSameAs(MARIADB.operations());

        Dialect mysqlBoth = MYSQL.forSqlMode("ANSI_QUOTES,NO_BACKSLASH_ESCAPES");
        assertThat(mysqlBoth.name()).isEqualTo("mysql");
        assertThat(mysqlBoth.backslashEscapes()).isFalse();
        assertThat(mysqlBoth.ansiQuotes()).isTrue();
        assertThat(mysqlBoth.store()).isSameAs(MYSQL.store());
        assertThat(literal(mysqlBoth, "a\\b")).isEqualTo("'a\\b'");
        // The lock's query reads the mode that picks these.
        assertThat(MARIADB.lock().tellsSqlMode()).isTrue();
        assertThat(MARIADB.lock().tryLockQuery("shop", "alembic_version")).contains("@@SESSION.sql_mode");
    }

    @Test
    void sessionSettingsNameTheVariableInTheSql() {
        assertThat(MARIADB.session().currentSchemaQuery()).isEqualTo("SELECT DATABASE()");
        assertThat(MARIADB.session().backendPidQuery()).isEqualTo("SELECT CONNECTION_ID()");
        assertThat(MARIADB.session().currentSettingQuery("wait_timeout")).isEqualTo("SELECT @@SESSION.wait_timeout");
        assertThat(MARIADB.session().setSettingSql("wait_timeout")).isEqualTo("SET SESSION wait_timeout = ?");
        assertThat(MARIADB.session().deadClientCheckSetting()).isNull();
    }

    @Test
    void namesAreBacktickQuotedAndLiteralsEscapeBackslashes() {
        assertThat(MARIADB.ddl().qualify("shop", "alembic_version")).isEqualTo("`shop`.`alembic_version`");
        assertThat(MARIADB.ddl().quote("a`b")).isEqualTo("`a``b`");
        assertThat(MARIADB.ddl().quoteIfNeeded("alembic_version")).isEqualTo("alembic_version");
        assertThat(MARIADB.ddl().quoteIfNeeded("Version")).isEqualTo("`Version`");
        assertThat(MARIADB.ddl().quoteIfNeeded("order")).isEqualTo("`order`");
        assertThat(MARIADB.ddl().literal("it's \\n")).isEqualTo("'it''s \\\\n'");
        assertThat(MARIADB.ddl().offlineBegin()).isEmpty();
        assertThat(MARIADB.ddl().createVersionTable(null, "alembic_version")).isEqualTo("CREATE TABLE IF NOT EXISTS"
                + " `alembic_version` (version_num VARCHAR(32) NOT NULL, CONSTRAINT `alembic_version_pkc` PRIMARY KEY"
                + " (version_num))");
        assertThatThrownBy(() -> MARIADB.ddl().checkIdentifier("bad-name", "versionTable"))
                .isInstanceOf(MigrationConfigurationException.class).hasMessageStartingWith("Invalid versionTable");
    }

    @Test
    void theStateRowsAreDeletedWithoutASubqueryOnTheSameTable() {
        assertThat(MARIADB.store().deleteStates("`s`", 4)).isEqualTo("DELETE s FROM `s` s LEFT JOIN (SELECT"
                + " fingerprint FROM `s` ORDER BY verified_at DESC LIMIT 4) k ON k.fingerprint = s.fingerprint"
                + " WHERE s.fingerprint = ? OR k.fingerprint IS NULL");
        assertThat(MARIADB.store().combinesChangesAndLog()).isFalse();
    }

    @Test
    void aVersionUpdateAndTheFinishedLogRowAreOneStatement() {
        String expected = "UPDATE `v` v, `l` l SET v.version_num = ?, l.outcome = ?, l.duration_ms = ?"
                + " WHERE v.version_num = ? AND l.id = ? AND l.outcome = ?";
        assertThat(MARIADB.store().updateVersionAndFinishLog("`v`", "`l`")).isEqualTo(expected);
        assertThat(MYSQL.store().updateVersionAndFinishLog("`v`", "`l`")).isEqualTo(expected);
    }

    @Test
    void eachServesItsProductAndReadsItsErrorCodes() {
        assertThat(MARIADB.servesProduct("MariaDB")).isTrue();
        assertThat(MARIADB.servesProduct("MySQL")).isFalse();
        assertThat(MYSQL.servesProduct("MySQL")).isTrue();
        assertThat(MARIADB.transactionalDdl()).isFalse();
        assertThat(MARIADB.isLockNotAvailable(new SQLException("Lock wait timeout exceeded", "HY000", 1205))).isTrue();
        assertThat(MARIADB.isUndefinedTable(new SQLException("Table doesn't exist", "42S02", 1146))).isTrue();
        assertThat(MARIADB.isUndefinedTable(new SQLException("Unknown database", "42000", 1049))).isTrue();
        assertThat(MARIADB.isLockNotAvailable(new SQLException("Query execution was interrupted", "70100", 1969)))
                .isFalse();
    }
}
