package io.samokoder.migrations.autoconfigure;

import io.samokoder.migrations.ChecksumPolicy;
import io.samokoder.migrations.TransactionMode;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.NestedConfigurationProperty;
import org.springframework.boot.convert.DurationUnit;

/**
 * Configuration properties of Samokoder Migrations, under {@code samokoder.migrations}.
 */
@ConfigurationProperties("samokoder.migrations")
public class MigrationsProperties {

    /** What the application does with the database at start-up. */
    public enum Mode {
        /** Move the database to the target (an upgrade, or a downgrade when allowed). */
        UPGRADE,
        /** Change nothing; report pending revisions and drift through the endpoint and health. */
        VALIDATE,
        /**
         * Do nothing at start-up; the endpoint and the health details still report what they find, but pending
         * revisions, drift or a revision left part-way do not take the health (or readiness) down.
         */
        NONE
    }

    /** When deferred revisions ({@code Deferred: true}) run, with the start-up target {@code heads}. */
    public enum Deferred {
        /** On a thread of their own once the application is ready; the start-up leaves them. */
        AFTER_READY,
        /** With the other revisions, at start-up, as if they were not deferred. */
        AT_START,
        /**
         * Never by the application: a job or the command line runs them ({@code upgrade heads --hold-contract}, or
         * {@code upgrade heads} once no instance of the previous build runs).
         */
        MANUAL
    }

    /**
     * What the application does with contract revisions ({@code Phase: contract}), with the start-up target
     * {@code heads}.
     */
    public enum Contract {
        /**
         * Hold them on a database that has revisions: the start-up and the deferred run after it leave them (with
         * what builds on them) for an explicit {@code upgrade heads} once no instance of the previous build runs. A
         * new database gets them with the rest.
         */
        HOLD,
        /** Apply them at start-up as any other revision (every instance of the previous build stopped first). */
        APPLY
    }

    /**
     * Whether to enable Samokoder Migrations.
     */
    private boolean enabled = true;

    /**
     * Comma-separated list of locations of revision scripts: classpath:, classpath*:, filesystem: or any
     * Spring resource location.
     */
    private List<String> locations = new ArrayList<>(List.of("classpath:db/migrations"));

    /**
     * Comma-separated list of locations of repeatable scripts, applied after the revisions whenever they are new
     * or changed (as Flyway's R__ migrations): classpath:, classpath*:, filesystem: or any Spring resource
     * location.
     */
    private List<String> repeatableLocations = new ArrayList<>(List.of("classpath:db/repeatable"));

    /**
     * Revision spec to move the database to at start-up, such as heads, a revision id or prefix, or
     * branch@head.
     */
    private String target = "heads";

    /**
     * Whether a target below the current revision may downgrade the database at start-up instead of
     * failing.
     */
    private boolean allowDowngrade = false;

    /**
     * What to do at start-up: upgrade, validate (change nothing, report pending revisions and drift) or
     * none (do nothing; pending revisions are reported but keep no instance out of readiness).
     */
    private Mode mode = Mode.UPGRADE;

    /**
     * When deferred revisions run, with the target heads: after-ready (on a thread of their own once the
     * application is ready), at-start (with the others) or manual (by a job or the command line).
     */
    private Deferred deferred = Deferred.AFTER_READY;

    /**
     * What the application does with contract revisions (Phase: contract) on a database that has revisions, with
     * the target heads: hold (the start-up and the deferred run after it leave them for an explicit "upgrade heads",
     * run once no instance of the previous build runs) or apply (the start-up applies them as any revision).
     */
    private Contract contract = Contract.HOLD;

    /**
     * Command to run instead of the start-up migration, such as "upgrade heads", "downgrade -1" or
     * "current": the application runs it with its own configuration, prints its output and exits with
     * its status, without starting a web server.
     */
    private @Nullable String command;

    /**
     * JDBC URL of the database to migrate, when it is not the application's DataSource.
     */
    private @Nullable String url;

    /**
     * Login user of the database to migrate.
     */
    private @Nullable String user;

    /**
     * Login password of the database to migrate.
     */
    private @Nullable String password;

    /**
     * Schema that holds the version and log tables, when not the connection's current schema.
     */
    private @Nullable String schema;

    /**
     * Name of the version table, which holds one row per current head as Alembic's does.
     */
    private String versionTable = "alembic_version";

    /**
     * Name of the table that logs every revision run, with its checksum and duration.
     */
    private String logTable = "samokoder_migrations_log";

    /**
     * Whether each revision runs in a transaction of its own (per-revision) or all in one (single).
     */
    private TransactionMode transactionMode = TransactionMode.PER_REVISION;

    /**
     * How long to wait for another instance that holds the migration lock. If a duration suffix is not
     * specified, seconds will be used.
     */
    @DurationUnit(ChronoUnit.SECONDS)
    private Duration lockWaitTimeout = Duration.ofMinutes(10);

    /**
     * Database lock timeout for each statement of a revision, zero for none. If a duration suffix is not
     * specified, seconds will be used.
     */
    @DurationUnit(ChronoUnit.SECONDS)
    private Duration lockTimeout = Duration.ofSeconds(5);

    /**
     * Number of times a revision is retried after its statements time out waiting for a table lock.
     */
    private int lockRetries = 3;

    /**
     * Database statement timeout for each statement of a revision, zero for none. If a duration suffix
     * is not specified, seconds will be used.
     */
    @DurationUnit(ChronoUnit.SECONDS)
    private Duration statementTimeout = Duration.ZERO;

    /**
     * How soon the database server ends the session of an instance whose host stopped answering while it
     * migrates (network lost, host down), which frees the migration lock for the next instance; zero keeps the
     * server's settings. PostgreSQL: TCP keepalives and TCP user timeout of the run's session; MariaDB and MySQL:
     * the session's wait_timeout, counted from its last statement. If a duration suffix is not specified, seconds
     * will be used.
     */
    @DurationUnit(ChronoUnit.SECONDS)
    private Duration deadHolderTimeout = Duration.ofMinutes(1);

    /**
     * What to do when an applied revision's script has changed since it ran: fail, warn or off.
     */
    private ChecksumPolicy validateChecksums = ChecksumPolicy.FAIL;

    /**
     * Whether a start with nothing to do and unchanged scripts is answered from one query, without
     * reading the scripts or taking the lock, once a run has verified those scripts against the
     * database (kept in the table named after the log table with "_state").
     */
    private boolean fastStart = true;

    /**
     * Database dialect: "postgresql", "mariadb", "mysql" or "h2". Unset: detected from the database
     * product the connection reports.
     */
    private @Nullable String dialect;

    /**
     * Whether a revision whose last attempt stopped part-way on a database without transactional
     * DDL (MariaDB, MySQL, H2) may run again. Set it once the statements that attempt applied were
     * undone by hand or made safe to repeat; until then start-up refuses to run that revision.
     */
    private boolean retryPartial = false;

    /**
     * Whether the application starts on a database that a newer build migrated (a rollback): version rows that no
     * loaded script declares are left alone when the log shows each applied on top of this build's revisions and
     * nothing of this build is left to apply. A WARN names them; health, the endpoint and validate mode read the
     * database as at this build's heads. Otherwise Alembic's "Can't locate revision" fails the start.
     */
    private boolean allowNewerRevisions = false;

    /**
     * Number of times to try again to connect when the first connection fails, for a database that is still
     * starting; 0 fails at once. The pauses start at one second and double up to connect-retries-interval.
     */
    private int connectRetries = 0;

    /**
     * Longest pause between two tries to connect. If a duration suffix is not specified, seconds will be used.
     */
    @DurationUnit(ChronoUnit.SECONDS)
    private Duration connectRetriesInterval = Duration.ofSeconds(120);

    /**
     * Values of ${name} placeholders in SQL scripts, by name (names ignore case). Replaced in each statement
     * before it runs or is written offline; checksums are of the scripts as written.
     */
    private Map<String, String> placeholders = new LinkedHashMap<>();

    /**
     * Whether ${name} placeholders in SQL scripts are replaced; a placeholder without a value then stops the
     * run before its first step. Off, scripts run as written.
     */
    private boolean placeholderReplacement = true;

    /**
     * Comma-separated list of packages (with their sub-packages) searched for Java revisions: classes
     * annotated with @Revision that implement JavaRevision. JavaRevision beans are used as well. Read
     * when the bean definitions are registered (in a native image: at build time).
     */
    private List<String> javaPackages = new ArrayList<>();

    /**
     * How Java revisions name constraints and indexes they are given no name for, by kind ("ix",
     * "uq", "ck", "fk", "pk"), e.g. "uq_%(table_name)s_%(column_0_N_name)s"; kinds not given keep
     * the default.
     */
    private Map<String, String> namingConvention = new LinkedHashMap<>();

    /**
     * What "revision --autogenerate" and "check" compare in command mode.
     */
    @NestedConfigurationProperty
    private final AutogenerateProperties autogenerate = new AutogenerateProperties();

    public boolean isEnabled() {
        return this.enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public List<String> getLocations() {
        return this.locations;
    }

    public void setLocations(List<String> locations) {
        this.locations = locations;
    }

    public List<String> getRepeatableLocations() {
        return this.repeatableLocations;
    }

    public void setRepeatableLocations(List<String> repeatableLocations) {
        this.repeatableLocations = repeatableLocations;
    }

    public String getTarget() {
        return this.target;
    }

    public void setTarget(String target) {
        this.target = target;
    }

    public boolean isAllowDowngrade() {
        return this.allowDowngrade;
    }

    public void setAllowDowngrade(boolean allowDowngrade) {
        this.allowDowngrade = allowDowngrade;
    }

    public @Nullable String getCommand() {
        return this.command;
    }

    public void setCommand(@Nullable String command) {
        this.command = command;
    }

    /** Whether a command is set, so that the application runs it and exits. */
    boolean hasCommand() {
        return this.command != null && !this.command.isBlank();
    }

    public Mode getMode() {
        return this.mode;
    }

    public void setMode(Mode mode) {
        this.mode = mode;
    }

    public Deferred getDeferred() {
        return this.deferred;
    }

    public void setDeferred(Deferred deferred) {
        this.deferred = deferred;
    }

    public Contract getContract() {
        return this.contract;
    }

    public void setContract(Contract contract) {
        this.contract = contract;
    }

    public @Nullable String getUrl() {
        return this.url;
    }

    public void setUrl(@Nullable String url) {
        this.url = url;
    }

    public @Nullable String getUser() {
        return this.user;
    }

    public void setUser(@Nullable String user) {
        this.user = user;
    }

    public @Nullable String getPassword() {
        return this.password;
    }

    public void setPassword(@Nullable String password) {
        this.password = password;
    }

    public @Nullable String getSchema() {
        return this.schema;
    }

    public void setSchema(@Nullable String schema) {
        this.schema = schema;
    }

    public String getVersionTable() {
        return this.versionTable;
    }

    public void setVersionTable(String versionTable) {
        this.versionTable = versionTable;
    }

    public String getLogTable() {
        return this.logTable;
    }

    public void setLogTable(String logTable) {
        this.logTable = logTable;
    }

    public TransactionMode getTransactionMode() {
        return this.transactionMode;
    }

    public void setTransactionMode(TransactionMode transactionMode) {
        this.transactionMode = transactionMode;
    }

    public Duration getLockWaitTimeout() {
        return this.lockWaitTimeout;
    }

    public void setLockWaitTimeout(Duration lockWaitTimeout) {
        this.lockWaitTimeout = lockWaitTimeout;
    }

    public Duration getLockTimeout() {
        return this.lockTimeout;
    }

    public void setLockTimeout(Duration lockTimeout) {
        this.lockTimeout = lockTimeout;
    }

    public int getLockRetries() {
        return this.lockRetries;
    }

    public void setLockRetries(int lockRetries) {
        this.lockRetries = lockRetries;
    }

    public Duration getStatementTimeout() {
        return this.statementTimeout;
    }

    public void setStatementTimeout(Duration statementTimeout) {
        this.statementTimeout = statementTimeout;
    }

    public Duration getDeadHolderTimeout() {
        return this.deadHolderTimeout;
    }

    public void setDeadHolderTimeout(Duration deadHolderTimeout) {
        this.deadHolderTimeout = deadHolderTimeout;
    }

    public boolean isFastStart() {
        return this.fastStart;
    }

    public void setFastStart(boolean fastStart) {
        this.fastStart = fastStart;
    }

    public ChecksumPolicy getValidateChecksums() {
        return this.validateChecksums;
    }

    public void setValidateChecksums(ChecksumPolicy validateChecksums) {
        this.validateChecksums = validateChecksums;
    }

    public @Nullable String getDialect() {
        return this.dialect;
    }

    public void setDialect(@Nullable String dialect) {
        this.dialect = dialect;
    }

    public boolean isRetryPartial() {
        return this.retryPartial;
    }

    public void setRetryPartial(boolean retryPartial) {
        this.retryPartial = retryPartial;
    }

    public boolean isAllowNewerRevisions() {
        return this.allowNewerRevisions;
    }

    public void setAllowNewerRevisions(boolean allowNewerRevisions) {
        this.allowNewerRevisions = allowNewerRevisions;
    }

    public int getConnectRetries() {
        return this.connectRetries;
    }

    public void setConnectRetries(int connectRetries) {
        this.connectRetries = connectRetries;
    }

    public Duration getConnectRetriesInterval() {
        return this.connectRetriesInterval;
    }

    public void setConnectRetriesInterval(Duration connectRetriesInterval) {
        this.connectRetriesInterval = connectRetriesInterval;
    }

    public Map<String, String> getPlaceholders() {
        return this.placeholders;
    }

    public void setPlaceholders(Map<String, String> placeholders) {
        this.placeholders = placeholders;
    }

    public boolean isPlaceholderReplacement() {
        return this.placeholderReplacement;
    }

    public void setPlaceholderReplacement(boolean placeholderReplacement) {
        this.placeholderReplacement = placeholderReplacement;
    }

    public List<String> getJavaPackages() {
        return this.javaPackages;
    }

    public void setJavaPackages(List<String> javaPackages) {
        this.javaPackages = javaPackages;
    }

    public AutogenerateProperties getAutogenerate() {
        return this.autogenerate;
    }

    public Map<String, String> getNamingConvention() {
        return this.namingConvention;
    }

    public void setNamingConvention(Map<String, String> namingConvention) {
        this.namingConvention = namingConvention;
    }

    @Override
    public String toString() {
        // Never prints the URL, user or password.
        return "MigrationsProperties[mode=" + this.mode + ", target=" + this.target + ", locations="
                + this.locations + "]";
    }
}
