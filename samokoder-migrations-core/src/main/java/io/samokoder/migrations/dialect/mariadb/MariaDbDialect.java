package io.samokoder.migrations.dialect.mariadb;

import io.samokoder.migrations.dialect.Ddl;
import io.samokoder.migrations.dialect.Dialect;
import io.samokoder.migrations.dialect.LockSql;
import io.samokoder.migrations.dialect.SessionSql;
import io.samokoder.migrations.dialect.StoreSql;
import io.samokoder.migrations.ops.OperationRenderer;
import io.samokoder.migrations.schema.SchemaReader;
import java.sql.SQLException;

/**
 * MariaDB ({@link #INSTANCE}) and MySQL ({@link #MYSQL}). DDL is not transactional there: every
 * statement commits by itself, so each revision runs statement by statement in autocommit and its
 * version row is written right after it; a revision that fails after some of its statements is
 * recorded as a partial attempt, and the next run refuses to run it again until that is resolved (see
 * {@link io.samokoder.migrations.PartialRevisionException}).
 *
 * <p>The migration lock is a named user lock ({@code GET_LOCK}, {@link MariaDbLock}). The lock
 * timeout is {@code lock_wait_timeout} (metadata locks, whole seconds); the statement timeout is
 * {@code max_statement_time} on MariaDB and {@code max_execution_time} on MySQL, which limits
 * {@code SELECT} statements only ({@link SessionTimeouts}). A schema is a database; names are quoted
 * with backticks. A session's SQL mode changes how SQL is read: {@link #forSqlMode}.
 */
public final class MariaDbDialect implements Dialect {

    /** MariaDB. */
    public static final MariaDbDialect INSTANCE = new MariaDbDialect("mariadb", "MariaDB", SessionTimeouts.MARIADB);

    /** MySQL. */
    public static final MariaDbDialect MYSQL = new MariaDbDialect("mysql", "MySQL", SessionTimeouts.MYSQL);

    private static final int ER_LOCK_WAIT_TIMEOUT = 1205;
    private static final int ER_NO_SUCH_TABLE = 1146;
    private static final int ER_BAD_DB_ERROR = 1049;
    private static final int ER_NO_DB_ERROR = 1046;

    private final String name;
    private final String product;
    private final MariaDbDdl ddl;
    private final MariaDbSession session;
    private final boolean mysql;
    private final boolean backslashEscapes;
    private final boolean ansiQuotes;
    /** This dialect in the other SQL modes, by {@link #modeIndex}; this one itself at 0. */
    private final MariaDbDialect[] modes;

    private MariaDbDialect(String name, String product, SessionTimeouts timeouts) {
        this.name = name;
        this.product = product;
        this.ddl = new MariaDbDdl(timeouts);
        this.session = new MariaDbSession(timeouts);
        this.mysql = "mysql".equals(name);
        this.backslashEscapes = true;
        this.ansiQuotes = false;
        this.modes = new MariaDbDialect[4];
        this.modes[0] = this;
        for (int i = 1; i < this.modes.length; i++) {
            this.modes[i] = new MariaDbDialect(this, (i & 1) == 0, (i & 2) != 0);
        }
    }

    private MariaDbDialect(MariaDbDialect base, boolean backslashEscapes, boolean ansiQuotes) {
        this.name = base.name;
        this.product = base.product;
        this.ddl = base.ddl;
        this.session = base.session;
        this.mysql = base.mysql;
        this.backslashEscapes = backslashEscapes;
        this.ansiQuotes = ansiQuotes;
        this.modes = base.modes;
    }

    @Override
    public String name() {
        return this.name;
    }

    /** {@code "MariaDB"} for {@link #INSTANCE}, {@code "MySQL"} for {@link #MYSQL}. */
    @Override
    public boolean servesProduct(String databaseProductName) {
        return this.product.equalsIgnoreCase(databaseProductName);
    }

    @Override
    public boolean transactionalDdl() {
        return false;
    }

    /** MariaDB's and MySQL's own: backslash escapes in strings, {@code #} comments, backtick-quoted names. */
    @Override
    public boolean mysqlLexicalRules() {
        return true;
    }

    @Override
    public boolean backslashEscapes() {
        return this.backslashEscapes;
    }

    @Override
    public boolean ansiQuotes() {
        return this.ansiQuotes;
    }

    /**
     * The dialect for a session whose {@code @@sql_mode} is {@code sqlMode}: with {@code NO_BACKSLASH_ESCAPES} a
     * backslash is an ordinary character in the scripts' strings and in the literals the operations write, and
     * with {@code ANSI_QUOTES} a {@code "..."} in a script is a name. The same product, lock, store and DDL.
     */
    @Override
    public Dialect forSqlMode(String sqlMode) {
        return this.modes[sqlMode == null ? 0 : modeIndex(sqlMode)];
    }

    /** 1 for {@code NO_BACKSLASH_ESCAPES}, plus 2 for {@code ANSI_QUOTES}, among the mode's comma-separated words. */
    private static int modeIndex(String sqlMode) {
        int index = 0;
        int from = 0;
        while (from <= sqlMode.length()) {
            int comma = sqlMode.indexOf(',', from);
            int to = comma < 0 ? sqlMode.length() : comma;
            String word = sqlMode.substring(from, to).trim();
            if (word.equalsIgnoreCase("NO_BACKSLASH_ESCAPES")) {
                index |= 1;
            } else if (word.equalsIgnoreCase("ANSI_QUOTES")) {
                index |= 2;
            }
            from = to + 1;
        }
        return index;
    }

    @Override
    public boolean isLockNotAvailable(SQLException error) {
        return error.getErrorCode() == ER_LOCK_WAIT_TIMEOUT;
    }

    /** Unknown database (1049), or none selected (1046: the URL names none). */
    @Override
    public boolean isMissingSchema(SQLException error) {
        return error.getErrorCode() == ER_BAD_DB_ERROR || error.getErrorCode() == ER_NO_DB_ERROR;
    }

    @Override
    public boolean isUndefinedTable(SQLException error) {
        return error.getErrorCode() == ER_NO_SUCH_TABLE || error.getErrorCode() == ER_BAD_DB_ERROR;
    }

    @Override
    public Ddl ddl() {
        return this.ddl;
    }

    @Override
    public StoreSql store() {
        return this.mysql ? MariaDbStore.MYSQL : MariaDbStore.INSTANCE;
    }

    @Override
    public LockSql lock() {
        return MariaDbLock.INSTANCE;
    }

    @Override
    public SessionSql session() {
        return this.session;
    }

    @Override
    public OperationRenderer operations() {
        if (!this.backslashEscapes) {
            return this.mysql ? MariaDbOperationRenderer.MYSQL_NO_BACKSLASH_ESCAPES
                    : MariaDbOperationRenderer.MARIADB_NO_BACKSLASH_ESCAPES;
        }
        return this.mysql ? MariaDbOperationRenderer.MYSQL : MariaDbOperationRenderer.INSTANCE;
    }

    /** Reads {@code DATABASE()} from {@code information_schema}, in MySQL's or MariaDB's forms. */
    @Override
    public SchemaReader schemaReader() {
        return this.mysql ? MariaDbSchemaReader.MYSQL : MariaDbSchemaReader.MARIADB;
    }
}
