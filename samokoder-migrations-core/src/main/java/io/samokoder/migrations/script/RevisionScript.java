package io.samokoder.migrations.script;

import io.samokoder.migrations.dialect.Dialect;
import io.samokoder.migrations.graph.Revision;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One revision script: an SQL file (its header, and its upgrade and downgrade SQL), or a revision
 * written as code ({@link #ofCode}, see {@link RevisionCode}). An SQL file's header is parsed
 * when the script is loaded; statements are split and the checksum is computed on first use and
 * then cached. Instances are immutable apart from those caches and safe to share between threads.
 *
 * <p><b>Checksum.</b> {@link #checksum()} hashes the normalised executable content, a part per direction
 * ({@code v2:<upgrade>:<downgrade>}), so that reformatting, comments, line endings and a byte order mark do not
 * break validation while any change to what runs does, and a change to the downgrade part alone is told apart
 * ({@link #compareChecksum}); {@code v1:} checksums of both parts, written before 2026-12, are still recognised.
 * The file name, its location and the header are not part of the checksum.
 */
public final class RevisionScript {

    private final Revision revision;
    private final String description;
    private final String createDate;
    private final boolean transactional;
    private final boolean deferred;
    private final Phase phase;
    private final boolean placeholders;
    private final Duration lockTimeout;
    private final Duration statementTimeout;
    private final Squash squash;
    /** The content hash once known: given by the loader, or computed from the text on first use. */
    private volatile String contentHash;
    /** Whether {@link #contentHash()} is the hash of the text's UTF-8 encoding when none was given. */
    private final boolean hashesText;
    private final String text;
    /** An SQL script's parts and their statements; {@code null} for code. */
    private final ScriptParts parts;

    private final RevisionCode code;

    private volatile String checksum;
    RevisionScript(Revision revision, String description, String createDate, boolean transactional,
            boolean deferred, Phase phase, boolean placeholders, Duration lockTimeout, Duration statementTimeout,
            Squash squash,
            String contentHash, boolean hashesText, String text,
            int upgradeStart, int upgradeEnd, int upgradeLine, int downgradeStart, int downgradeEnd,
            int downgradeLine) {
        this.revision = Objects.requireNonNull(revision, "revision");
        this.contentHash = contentHash;
        this.hashesText = hashesText;
        this.description = description;
        this.createDate = createDate;
        this.transactional = transactional;
        this.deferred = deferred;
        this.phase = phase;
        this.placeholders = placeholders;
        this.lockTimeout = lockTimeout;
        this.statementTimeout = statementTimeout;
        this.squash = squash;
        this.text = text;
        this.parts = new ScriptParts(description, text, upgradeStart, upgradeEnd, upgradeLine, downgradeStart,
                downgradeEnd, downgradeLine);
        this.code = null;
    }

    private RevisionScript(Revision revision, String description, String createDate, boolean transactional,
            boolean deferred, Phase phase, Duration lockTimeout, Duration statementTimeout, RevisionCode code) {
        this.revision = Objects.requireNonNull(revision, "revision");
        this.description = description;
        this.createDate = createDate;
        this.transactional = transactional;
        this.deferred = deferred;
        this.phase = Objects.requireNonNull(phase, "phase");
        this.placeholders = false;
        this.code = Objects.requireNonNull(code, "code");
        this.lockTimeout = lockTimeout;
        this.statementTimeout = statementTimeout;
        this.squash = null;
        this.contentHash = null;
        this.hashesText = false;
        this.text = "";
        this.parts = null;
    }

    /**
     * The script of a revision written as code, e.g. a Java revision.
     *
     * @param revision the revision it declares, with {@code description} as its source
     * @param description where it comes from, for messages, e.g. {@code java:db.migrations.M0042_AddLocale}
     * @param createDate the declared creation date, or {@code null}
     * @param transactional whether it runs in a transaction
     * @param deferred whether it is {@linkplain #deferred() deferred}
     * @param phase its {@linkplain #phase() phase}
     * @param lockTimeout its lock timeout, or {@code null} for the configured one
     * @param statementTimeout its statement timeout, or {@code null} for the configured one
     * @param code what runs
     */
    public static RevisionScript ofCode(Revision revision, String description, String createDate,
            boolean transactional, boolean deferred, Phase phase, Duration lockTimeout, Duration statementTimeout,
            RevisionCode code) {
        return new RevisionScript(revision, description, createDate, transactional, deferred, phase, lockTimeout,
                statementTimeout, code);
    }

    /** What runs for a revision written as code; empty for an SQL script. */
    public Optional<RevisionCode> code() {
        return Optional.ofNullable(this.code);
    }

    /** The revision declared by the header, with this script's {@link #description()} as its source. */
    public Revision revision() {
        return this.revision;
    }

    /**
     * The lower-case hex SHA-256 of the file's bytes exactly as read (byte order mark and line endings
     * included), when the script was loaded by {@link ScriptLoader#loadWithContentHashes} or
     * {@link ScriptLoader#loadHashingOnDemand}; empty
     * otherwise. Equal hashes mean an unchanged file, without splitting statements for
     * {@link #checksum()}. Loaded by {@link ScriptLoader#loadHashingOnDemand}, the script computes it
     * on first use (from its text, which decodes those bytes exactly) and keeps it.
     */
    public Optional<String> contentHash() {
        String hash = this.contentHash;
        if (hash == null && this.hashesText) {
            hash = Sha256.hexOfUtf8(this.text);
            this.contentHash = hash;
        }
        return Optional.ofNullable(hash);
    }

    /** The revision id ({@code Revision ID}). */
    public String id() {
        return this.revision.id();
    }

    /** The message: the first line of the header. */
    public String message() {
        return this.revision.message();
    }

    /** The revision ids this one revises ({@code Revises}); empty for a root. */
    public List<String> downRevisions() {
        return this.revision.downRevisions();
    }

    /** The branch labels this script declares ({@code Branch Labels}). */
    public Set<String> branchLabels() {
        return this.revision.branchLabels();
    }

    /** The revisions or labels this one depends on ({@code Depends On}). */
    public List<String> dependsOn() {
        return this.revision.dependsOn();
    }

    /** Where the script was loaded from, e.g. {@code classpath:db/migrations/3f2a_add_users.sql}. */
    public String description() {
        return this.description;
    }

    /** The {@code Create Date} as written, if the header has one. */
    public Optional<String> createDate() {
        return Optional.ofNullable(this.createDate);
    }

    /** The script's text as read (line breaks as {@code \n}); empty for a revision written as code. */
    public String text() {
        return this.text;
    }

    /**
     * The header block as written, as Alembic's {@code -v} output shows a script's docstring: the
     * leading {@code --} comment lines (up to the first other line or marker), each without its
     * {@code --} and one following blank, and without trailing blanks; leading and trailing empty
     * lines removed. The message is its first line.
     */
    public String docstring() {
        return this.code != null ? message() : ScriptDocstring.of(this.text);
    }

    /** Whether the script runs in a transaction ({@code Transactional}, default {@code true}). */
    public boolean transactional() {
        return this.transactional;
    }

    /**
     * Whether the script runs in a transaction on a database: {@link #transactional()}, unless it is
     * code with a statement that cannot run in one there (PostgreSQL's {@code CREATE INDEX
     * CONCURRENTLY}).
     */
    public boolean transactional(Dialect dialect) {
        return this.transactional && (this.code == null || !this.code.requiresAutocommit(dialect));
    }

    /**
     * Whether the revision is deferred ({@code Deferred: true}): an application's start-up leaves it, and every
     * revision after it, to run once the application is ready; {@code upgrade heads} runs it as any other.
     */
    public boolean deferred() {
        return this.deferred;
    }

    /** The revision's expand/contract {@link Phase} ({@code Phase}), {@link Phase#EXPAND} unless declared. */
    public Phase phase() {
        return this.phase;
    }

    /**
     * Whether {@code ${name}} placeholders are replaced in this script ({@code Placeholders}, default {@code true}),
     * where the configuration replaces them ({@link Placeholders}); {@code false} for a revision written as code.
     */
    public boolean placeholders() {
        return this.placeholders;
    }

    /** The {@code Lock Timeout}, if set; {@link Duration#ZERO} means explicitly disabled. */
    public Optional<Duration> lockTimeout() {
        return Optional.ofNullable(this.lockTimeout);
    }

    /** The {@code Statement Timeout}, if set; {@link Duration#ZERO} means explicitly disabled. */
    public Optional<Duration> statementTimeout() {
        return Optional.ofNullable(this.statementTimeout);
    }

    /**
     * A part of an SQL script as written (comments included), without its marker line; empty for a missing
     * downgrade part and for a revision written as code.
     */
    public String partText(boolean upgrade) {
        return this.code != null ? "" : this.parts.text(upgrade);
    }

    /** What the script replaced, if it is a squash of several revisions ({@code Squashes}). */
    public Optional<Squash> squash() {
        return Optional.ofNullable(this.squash);
    }

    /** Whether the script has a {@code -- migrate:downgrade} part; without one it is irreversible. */
    public boolean reversible() {
        return this.code != null ? this.code.reversible() : this.parts.reversible();
    }

    /**
     * The upgrade statements as PostgreSQL and H2 read SQL, split on first use; line numbers are lines of the
     * file.
     *
     * @throws ScriptFormatException if a string, comment or dollar quote is not terminated
     */
    public List<SqlStatement> upgradeStatements() {
        requireSql();
        return this.parts.statements(true, false);
    }

    /**
     * The downgrade statements (empty for an irreversible script), split on first use; line numbers
     * are lines of the file.
     *
     * @throws ScriptFormatException if a string, comment or dollar quote is not terminated
     */
    public List<SqlStatement> downgradeStatements() {
        requireSql();
        return this.parts.statements(false, false);
    }

    /**
     * Checks a part of an SQL script as a run would meet it, keeping nothing: its statements split
     * (strings, comments and dollar quotes are closed) and, with {@code inTransaction}, none of them
     * begins, commits or rolls back a transaction (see {@link #refuseTransactionControl}). A run checks
     * the scripts of all its steps so before the first, without holding every script's statements.
     *
     * @param upgrade the upgrade part, else the downgrade part (nothing to check when irreversible)
     * @param inTransaction whether the part runs inside a transaction of the engine's
     * @param dialect the database, whose lexical rules split the part
     * @throws ScriptFormatException naming the file, the line and what to change
     */
    public void checkStatements(boolean upgrade, boolean inTransaction, Dialect dialect) {
        requireSql();
        if (!upgrade && !reversible()) {
            return;
        }
        List<SqlStatement> split = this.parts.splitAlready(upgrade, SqlLexer.rules(dialect));
        if (split != null) {
            if (inTransaction) {
                for (SqlStatement statement : split) {
                    refuseTransactionControl(statement);
                }
            }
            return;
        }
        this.parts.check(upgrade, inTransaction, SqlLexer.rules(dialect));
    }

    /**
     * Refuses a statement of this revision that begins, commits or rolls back a transaction ({@code BEGIN},
     * {@code START TRANSACTION}, {@code COMMIT}, {@code END}, {@code ROLLBACK}, {@code ABORT}; not
     * {@code ROLLBACK TO SAVEPOINT}), for a revision that runs inside a transaction of the engine's with its
     * version row, which it must not end.
     *
     * @throws ScriptFormatException naming the statement and how to change the script
     */
    public void refuseTransactionControl(SqlStatement statement) {
        String keyword = TransactionControl.keyword(statement.sql(), 0, statement.sql().length());
        if (keyword != null) {
            throw TransactionControl.error(this.description, statement.number(), statement.line(), keyword);
        }
    }

    /**
     * The upgrade statements as sent to and written for a database: an SQL script's
     * {@link #upgradeStatements()}, or a code revision's operations rendered for the database (line
     * numbers then 0), on each call: they are not kept, so a run over many code revisions does not
     * hold the statements of every revision it ran.
     *
     * @throws io.samokoder.migrations.MigrationException if a code revision reads the database (it
     *         has no statements before it runs) or uses what the database cannot hold
     */
    public List<SqlStatement> upgradeStatements(Dialect dialect) {
        return this.code == null ? this.parts.statements(true, SqlLexer.rules(dialect))
                : SqlStatement.numbered(this.code.statements(true, dialect));
    }

    /**
     * {@link #upgradeStatements(Dialect)} (with {@code upgrade}) or {@link #downgradeStatements(Dialect)}, for offline
     * SQL, where no session tells MariaDB's or MySQL's SQL mode: an SQL script whose quotes the default mode leaves
     * open is split in the first other mode that closes them, in the order its checksum tries them.
     */
    public List<SqlStatement> offlineStatements(boolean upgrade, Dialect dialect) {
        if (this.code != null) {
            return upgrade ? upgradeStatements(dialect) : downgradeStatements(dialect);
        }
        return this.parts.statementsInAnyMode(upgrade, SqlLexer.rules(dialect));
    }

    /** The downgrade statements for a database; see {@link #upgradeStatements(Dialect)}. */
    public List<SqlStatement> downgradeStatements(Dialect dialect) {
        if (this.code == null) {
            return this.parts.statements(false, SqlLexer.rules(dialect));
        }
        return this.code.reversible() ? SqlStatement.numbered(this.code.statements(false, dialect)) : List.of();
    }

    private void requireSql() {
        if (this.code != null) {
            throw new IllegalStateException(this.description + " is code, whose statements depend on the database:"
                    + " use upgradeStatements(Dialect) or downgradeStatements(Dialect)");
        }
    }

    /**
     * The versioned checksum of the executable content, computed on first use (see the class
     * documentation for what is normalised), e.g. {@code v2:9f86d081884c7d659a2feaa0c55ad015:none}.
     *
     * @throws ScriptFormatException if a string, comment or dollar quote is not terminated
     */
    public String checksum() {
        if (this.code != null) {
            return this.code.checksum();
        }
        String value = this.checksum;
        if (value == null) {
            value = this.parts.checksum();
            this.checksum = value;
        }
        return value;
    }

    /**
     * Compares the checksum that the log recorded when the revision was applied (of this version or an
     * earlier one) with the script's checksum now.
     *
     * @throws ScriptFormatException if a string, comment or dollar quote is not terminated
     */
    public ChecksumChange compareChecksum(String recorded) {
        if (this.code != null) {
            return this.code.compareChecksum(recorded);
        }
        try {
            return ScriptChecksum.compare(recorded, this, this.text);
        } catch (ScriptFormatException onlyMySql) {
            // A script that only MySQL's rules read has no form from before them.
            return PartChecksums.compare(recorded, checksum());
        }
    }

    /** The downgrade statements, split for a checksum unless split already; none when irreversible. */
    List<SqlStatement> splitDowngrade() {
        return this.parts.downgradeForChecksum(false);
    }

    @Override
    public String toString() {
        return "RevisionScript[" + id() + " " + this.description + "]";
    }
}
