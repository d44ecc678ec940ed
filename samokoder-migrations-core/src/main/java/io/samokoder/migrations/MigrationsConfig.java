package io.samokoder.migrations;

import io.samokoder.migrations.dialect.Dialect;
import io.samokoder.migrations.java.JavaRevision;
import io.samokoder.migrations.java.JavaRevisions;
import io.samokoder.migrations.ops.NamingConvention;
import io.samokoder.migrations.script.Placeholders;
import io.samokoder.migrations.script.ScriptResource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The immutable configuration of a {@link Migrations} engine. Build it with {@link #builder()}; every
 * setting has a default (the {@code DEFAULT_*} constants). {@link Builder#build()} checks the values
 * and names the property at fault.
 */
public final class MigrationsConfig {

    /** Where scripts are looked for by default. */
    public static final List<String> DEFAULT_LOCATIONS = List.of("classpath:db/migrations");
    /** Alembic's version table. */
    public static final String DEFAULT_VERSION_TABLE = "alembic_version";
    /** The table that records every executed step. */
    public static final String DEFAULT_LOG_TABLE = "samokoder_migrations_log";
    /** One transaction per revision. */
    public static final TransactionMode DEFAULT_TRANSACTION_MODE = TransactionMode.PER_REVISION;
    /** How long a run waits for another instance's migration lock. */
    public static final Duration DEFAULT_LOCK_WAIT_TIMEOUT = Duration.ofMinutes(10);
    /** How long a migration statement waits for a table or row lock ({@code lock_timeout}). */
    public static final Duration DEFAULT_LOCK_TIMEOUT = Duration.ofSeconds(5);
    /** How often a revision that ran out of lock timeout is retried. */
    public static final int DEFAULT_LOCK_RETRIES = 3;
    /** No statement timeout. */
    public static final Duration DEFAULT_STATEMENT_TIMEOUT = Duration.ZERO;
    /** How soon the server ends a migrating instance's session once its host stops answering. */
    public static final Duration DEFAULT_DEAD_HOLDER_TIMEOUT = Duration.ofMinutes(1);
    /** Default {@link #connectRetriesInterval()}: 2 minutes. */
    public static final Duration DEFAULT_CONNECT_RETRIES_INTERVAL = Duration.ofMinutes(2);
    /** Changed applied revisions stop an upgrade. */
    public static final ChecksumPolicy DEFAULT_CHECKSUM_POLICY = ChecksumPolicy.FAIL;
    /** A no-op {@code upgrade("heads")} over unchanged scripts is answered from one query. */
    public static final boolean DEFAULT_FAST_START = true;
    /**
     * Where applications keep repeatable scripts: the starter's and the test kit's default. The engine's own
     * default is none ({@link Builder#repeatableLocations(List)}), so that a start that was not given any lists no
     * class path for them.
     */
    public static final List<String> REPEATABLE_LOCATIONS_CONVENTION = List.of("classpath:db/repeatable");
    /** Appended to the log table's name to name the table of verified script sets. */
    public static final String STATE_TABLE_SUFFIX = "_state";

    private final DataSource dataSource;
    private final List<String> locations;
    private final List<String> repeatableLocations;
    private final List<ScriptResource> repeatableScripts;
    private final List<ScriptResource> scripts;
    private final ClassLoader classLoader;
    private final String schema;
    private final String versionTable;
    private final String logTable;
    private final TransactionMode transactionMode;
    private final Duration lockWaitTimeout;
    private final Duration lockTimeout;
    private final int lockRetries;
    private final Duration statementTimeout;
    private final Duration deadHolderTimeout;
    private final ChecksumPolicy checksumPolicy;
    private final boolean fastStart;
    private final List<MigrationListener> listeners;
    private final Dialect dialect;
    private final Dialect offlineDialect;
    private final List<JavaRevision> javaRevisions;
    private final NamingConvention namingConvention;
    private final boolean retryPartial;
    private final boolean allowNewerRevisions;
    private final int connectRetries;
    private final Duration connectRetriesInterval;
    private final Placeholders placeholders;

    private MigrationsConfig(Builder b) {
        this.dataSource = b.dataSource;
        this.locations = List.copyOf(b.locations);
        this.repeatableLocations = List.copyOf(b.repeatableLocations);
        this.repeatableScripts = List.copyOf(b.repeatableScripts);
        this.scripts = List.copyOf(b.scripts);
        this.classLoader = b.classLoader;
        this.schema = b.schema;
        this.versionTable = b.versionTable;
        this.logTable = b.logTable;
        this.transactionMode = b.transactionMode;
        this.lockWaitTimeout = b.lockWaitTimeout;
        this.lockTimeout = b.lockTimeout;
        this.lockRetries = b.lockRetries;
        this.statementTimeout = b.statementTimeout;
        this.deadHolderTimeout = b.deadHolderTimeout;
        this.checksumPolicy = b.checksumPolicy;
        this.fastStart = b.fastStart;
        this.listeners = List.copyOf(b.listeners);
        this.dialect = b.dialect;
        this.offlineDialect = b.offlineDialect;
        this.javaRevisions = List.copyOf(b.javaRevisions);
        this.namingConvention = b.namingConvention;
        this.retryPartial = b.retryPartial;
        this.allowNewerRevisions = b.allowNewerRevisions;
        this.connectRetries = b.connectRetries;
        this.connectRetriesInterval = b.connectRetriesInterval;
        this.placeholders = b.placeholders;
    }

    /** A builder with every default. */
    public static Builder builder() {
        return new Builder();
    }

    /** The database; {@code null} only when the engine is used for offline SQL alone. */
    public DataSource dataSource() {
        return this.dataSource;
    }

    /** Script locations ({@code classpath:} or {@code filesystem:}), read in this order. */
    public List<String> locations() {
        return this.locations;
    }

    /**
     * Locations of repeatable scripts ({@link io.samokoder.migrations.script.RepeatableScript}): every
     * {@code *.sql} file there is applied after the revisions whenever it is new or changed; a class path
     * location that no root has holds none.
     */
    public List<String> repeatableLocations() {
        return this.repeatableLocations;
    }

    /** Repeatable scripts resolved by the caller; when non-empty they are used instead of the repeatable locations. */
    public List<ScriptResource> repeatableScripts() {
        return this.repeatableScripts;
    }

    /** Scripts resolved by the caller; when non-empty they are used instead of {@link #locations()}. */
    public List<ScriptResource> scripts() {
        return this.scripts;
    }

    /** The class loader for {@code classpath:} locations. */
    public ClassLoader classLoader() {
        return this.classLoader;
    }

    /** The schema of the version and log tables; {@code null} means the connection's current schema. */
    public String schema() {
        return this.schema;
    }

    /** The version table name. */
    public String versionTable() {
        return this.versionTable;
    }

    /** The applied log table name. */
    public String logTable() {
        return this.logTable;
    }

    /** How statements are grouped into transactions. */
    public TransactionMode transactionMode() {
        return this.transactionMode;
    }

    /** How long a run waits for the migration lock held by another instance. */
    public Duration lockWaitTimeout() {
        return this.lockWaitTimeout;
    }

    /** The {@code lock_timeout} of migration statements; {@link Duration#ZERO} means none. */
    public Duration lockTimeout() {
        return this.lockTimeout;
    }

    /** How many times a revision that hit the lock timeout is retried. */
    public int lockRetries() {
        return this.lockRetries;
    }

    /** The {@code statement_timeout} of migration statements; {@link Duration#ZERO} means none. */
    public Duration statementTimeout() {
        return this.statementTimeout;
    }

    /**
     * How soon the database server ends the session of a run whose host stopped answering (network lost, host
     * down), which frees the migration lock for another instance; {@link Duration#ZERO} keeps the server's own
     * settings. PostgreSQL: the TCP keepalives and TCP user timeout of the run's session. MariaDB and MySQL: the
     * session's {@code wait_timeout} (whole seconds), which ends it that long after its last statement ended,
     * except while a Java revision's own code runs. Not H2.
     */
    public Duration deadHolderTimeout() {
        return this.deadHolderTimeout;
    }

    /** What an upgrade does about applied revisions whose scripts changed. */
    public ChecksumPolicy checksumPolicy() {
        return this.checksumPolicy;
    }

    /**
     * Whether a no-op {@code upgrade("heads")} may be answered without loading the scripts: when the
     * scripts' fingerprint (file names, sizes and modification times, or jar CRCs), the version rows
     * and the log are what an earlier run under the lock verified, one query proves there is nothing
     * to do. Verified fingerprints are kept in the table {@link #stateTable()}.
     */
    public boolean fastStart() {
        return this.fastStart;
    }

    /** The table of verified script sets: the log table's name with {@link #STATE_TABLE_SUFFIX}. */
    public String stateTable() {
        return this.logTable + STATE_TABLE_SUFFIX;
    }

    /** Listeners told about each run. */
    public List<MigrationListener> listeners() {
        return this.listeners;
    }

    /**
     * The configured database dialect; empty (the default) to have it detected from the database
     * product that the first connection's JDBC metadata reports (see
     * {@link io.samokoder.migrations.dialect.Dialects#forProduct}). Offline scripts connect to nothing:
     * they use the configured dialect, else the one an earlier command of the same
     * {@link Migrations} detected, else {@link #offlineDialect()}, else PostgreSQL's; configure it to write
     * them for another database.
     */
    public Optional<Dialect> dialect() {
        return Optional.ofNullable(this.dialect);
    }

    /**
     * The dialect of offline scripts when none is configured and none was detected, e.g. the one a JDBC
     * URL names; unlike {@link #dialect()} it forces nothing on a connection. Empty by default
     * (PostgreSQL's).
     */
    public Optional<Dialect> offlineDialect() {
        return Optional.ofNullable(this.offlineDialect);
    }

    /**
     * Whether a revision whose last attempt stopped part-way on a database without transactional DDL
     * (MariaDB, MySQL) may run again (default {@code false}: such a run is refused with a
     * {@link PartialRevisionException}). Set it once the statements that attempt applied were undone
     * by hand or made safe to repeat.
     */
    public boolean retryPartial() {
        return this.retryPartial;
    }

    /**
     * Whether a run may leave alone version rows that no loaded script declares when the log shows each of them
     * applied on top of revisions that are loaded: a newer build migrated the database and this one is a
     * rollback (default {@code false}: Alembic's "Can't locate revision"). The run then applies and undoes
     * nothing, logs a WARN naming them, and still fails when it would have to move any row (this build has a
     * revision the database lacks). {@link Migrations#status} and {@link Migrations#validate} read such a database
     * the same way; a row that the log does not trace (stamped, or logged before the log existed) fails as without
     * the setting.
     */
    public boolean allowNewerRevisions() {
        return this.allowNewerRevisions;
    }

    /**
     * How many times a run tries again to connect when the first connection fails (default 0), for a database that
     * is still starting; the pauses start at one second and double up to {@link #connectRetriesInterval()}. Only the
     * first connection of a {@link Migrations} is retried.
     */
    public int connectRetries() {
        return this.connectRetries;
    }

    /** The longest pause between two {@linkplain #connectRetries() tries to connect} (default 2 minutes). */
    public Duration connectRetriesInterval() {
        return this.connectRetriesInterval;
    }

    /** Revisions written in Java, placed among the scripts as {@link JavaRevisions} describes. */
    public List<JavaRevision> javaRevisions() {
        return this.javaRevisions;
    }

    /** How the operations of Java revisions name constraints and indexes they are not given names for. */
    public NamingConvention namingConvention() {
        return this.namingConvention;
    }

    /**
     * The values of {@code ${name}} placeholders in SQL scripts (default {@link Placeholders#NONE}: replacement
     * on, no values but Flyway's built-in ones ({@link Placeholders#BUILT_IN}), so a script with another placeholder
     * is refused; {@link Placeholders#OFF} runs scripts as written).
     */
    public Placeholders placeholders() {
        return this.placeholders;
    }

    /** A builder holding this configuration's values. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.dataSource = this.dataSource;
        b.locations = new ArrayList<>(this.locations);
        b.repeatableLocations = new ArrayList<>(this.repeatableLocations);
        b.repeatableScripts = new ArrayList<>(this.repeatableScripts);
        b.scripts = new ArrayList<>(this.scripts);
        b.classLoader = this.classLoader;
        b.schema = this.schema;
        b.versionTable = this.versionTable;
        b.logTable = this.logTable;
        b.transactionMode = this.transactionMode;
        b.lockWaitTimeout = this.lockWaitTimeout;
        b.lockTimeout = this.lockTimeout;
        b.lockRetries = this.lockRetries;
        b.statementTimeout = this.statementTimeout;
        b.deadHolderTimeout = this.deadHolderTimeout;
        b.checksumPolicy = this.checksumPolicy;
        b.fastStart = this.fastStart;
        b.listeners = new ArrayList<>(this.listeners);
        b.dialect = this.dialect;
        b.offlineDialect = this.offlineDialect;
        b.javaRevisions = new ArrayList<>(this.javaRevisions);
        b.namingConvention = this.namingConvention;
        b.retryPartial = this.retryPartial;
        b.allowNewerRevisions = this.allowNewerRevisions;
        b.connectRetries = this.connectRetries;
        b.connectRetriesInterval = this.connectRetriesInterval;
        b.placeholders = this.placeholders;
        return b;
    }

    @Override
    public String toString() {
        // Deliberately without the DataSource: its toString may carry a URL with credentials.
        return "MigrationsConfig[locations=" + this.locations + ", repeatableLocations="
                + this.repeatableLocations + ", scripts=" + this.scripts.size() + ", schema="
                + this.schema + ", versionTable=" + this.versionTable + ", logTable=" + this.logTable
                + ", transactionMode=" + this.transactionMode + ", lockWaitTimeout=" + this.lockWaitTimeout
                + ", lockTimeout=" + this.lockTimeout + ", lockRetries=" + this.lockRetries
                + ", statementTimeout=" + this.statementTimeout + ", deadHolderTimeout=" + this.deadHolderTimeout
                + ", checksumPolicy=" + this.checksumPolicy
                + ", fastStart=" + this.fastStart + ", javaRevisions=" + this.javaRevisions.size()
                + ", dialect=" + (this.dialect == null ? "detected" : this.dialect.name())
                + ", retryPartial=" + this.retryPartial + ", allowNewerRevisions=" + this.allowNewerRevisions
                + ", connectRetries=" + this.connectRetries + ", connectRetriesInterval=" + this.connectRetriesInterval
                + ", placeholders=" + this.placeholders + "]";
    }

    /** Builds a {@link MigrationsConfig}; not thread-safe. */
    public static final class Builder {

        private DataSource dataSource;
        private List<String> locations = new ArrayList<>(DEFAULT_LOCATIONS);
        private List<String> repeatableLocations = new ArrayList<>();
        private List<ScriptResource> repeatableScripts = new ArrayList<>();
        private List<ScriptResource> scripts = new ArrayList<>();
        private ClassLoader classLoader;
        private String schema;
        private String versionTable = DEFAULT_VERSION_TABLE;
        private String logTable = DEFAULT_LOG_TABLE;
        private TransactionMode transactionMode = DEFAULT_TRANSACTION_MODE;
        private Duration lockWaitTimeout = DEFAULT_LOCK_WAIT_TIMEOUT;
        private Duration lockTimeout = DEFAULT_LOCK_TIMEOUT;
        private int lockRetries = DEFAULT_LOCK_RETRIES;
        private Duration statementTimeout = DEFAULT_STATEMENT_TIMEOUT;
        private Duration deadHolderTimeout = DEFAULT_DEAD_HOLDER_TIMEOUT;
        private ChecksumPolicy checksumPolicy = DEFAULT_CHECKSUM_POLICY;
        private boolean fastStart = DEFAULT_FAST_START;
        private List<MigrationListener> listeners = new ArrayList<>();
        private Dialect dialect;
        private Dialect offlineDialect;
        private List<JavaRevision> javaRevisions = new ArrayList<>();
        private NamingConvention namingConvention = NamingConvention.DEFAULT;
        private boolean retryPartial;
        private boolean allowNewerRevisions;
        private int connectRetries;
        private Duration connectRetriesInterval = DEFAULT_CONNECT_RETRIES_INTERVAL;
        private Placeholders placeholders = Placeholders.NONE;

        private Builder() {
        }

        /** The database to migrate. */
        public Builder dataSource(DataSource dataSource) {
            this.dataSource = dataSource;
            return this;
        }

        /** Script locations, e.g. {@code classpath:db/migrations} or {@code filesystem:/opt/app/sql}. */
        public Builder locations(List<String> locations) {
            this.locations = new ArrayList<>(Objects.requireNonNull(locations, "locations"));
            return this;
        }

        /** Script locations, e.g. {@code classpath:db/migrations} or {@code filesystem:/opt/app/sql}. */
        public Builder locations(String... locations) {
            return locations(List.of(locations));
        }

        /**
         * Locations of repeatable scripts, with the prefixes of {@link #locations}; none by default (the starter
         * sets {@link #REPEATABLE_LOCATIONS_CONVENTION} unless told otherwise).
         */
        public Builder repeatableLocations(List<String> repeatableLocations) {
            this.repeatableLocations = new ArrayList<>(Objects.requireNonNull(repeatableLocations,
                    "repeatableLocations"));
            return this;
        }

        /** Locations of repeatable scripts; see {@link #repeatableLocations(List)}. */
        public Builder repeatableLocations(String... repeatableLocations) {
            return repeatableLocations(List.of(repeatableLocations));
        }

        /** Repeatable scripts already resolved by the caller; used instead of the repeatable locations. */
        public Builder repeatableScripts(List<? extends ScriptResource> repeatableScripts) {
            this.repeatableScripts = new ArrayList<>(Objects.requireNonNull(repeatableScripts, "repeatableScripts"));
            return this;
        }

        /** Scripts already resolved by the caller, in load order; used instead of the locations. */
        public Builder scripts(List<? extends ScriptResource> scripts) {
            this.scripts = new ArrayList<>(Objects.requireNonNull(scripts, "scripts"));
            return this;
        }

        /** The class loader for {@code classpath:} locations (default: the thread's context class loader). */
        public Builder classLoader(ClassLoader classLoader) {
            this.classLoader = classLoader;
            return this;
        }

        /** The schema of the version and log tables ({@code null}: the connection's current schema). */
        public Builder schema(String schema) {
            this.schema = schema == null || schema.isBlank() ? null : schema;
            return this;
        }

        /** The version table name (default {@code alembic_version}). */
        public Builder versionTable(String versionTable) {
            this.versionTable = versionTable;
            return this;
        }

        /** The applied log table name (default {@code samokoder_migrations_log}). */
        public Builder logTable(String logTable) {
            this.logTable = logTable;
            return this;
        }

        /** How statements are grouped into transactions (default one per revision). */
        public Builder transactionMode(TransactionMode transactionMode) {
            this.transactionMode = transactionMode;
            return this;
        }

        /** How long to wait for another instance's migration lock (default 10 minutes). */
        public Builder lockWaitTimeout(Duration lockWaitTimeout) {
            this.lockWaitTimeout = lockWaitTimeout;
            return this;
        }

        /** The {@code lock_timeout} of migration statements (default 5 s; zero for none). */
        public Builder lockTimeout(Duration lockTimeout) {
            this.lockTimeout = lockTimeout;
            return this;
        }

        /** How many times a revision that hit the lock timeout is retried (default 3). */
        public Builder lockRetries(int lockRetries) {
            this.lockRetries = lockRetries;
            return this;
        }

        /** The {@code statement_timeout} of migration statements (default none; zero for none). */
        public Builder statementTimeout(Duration statementTimeout) {
            this.statementTimeout = statementTimeout;
            return this;
        }

        /** See {@link MigrationsConfig#deadHolderTimeout()} (default 1 minute; zero keeps the server's settings). */
        public Builder deadHolderTimeout(Duration deadHolderTimeout) {
            this.deadHolderTimeout = deadHolderTimeout;
            return this;
        }

        /** What an upgrade does about changed applied revisions (default {@link ChecksumPolicy#FAIL}). */
        public Builder checksumPolicy(ChecksumPolicy checksumPolicy) {
            this.checksumPolicy = checksumPolicy;
            return this;
        }

        /**
         * Whether a no-op {@code upgrade("heads")} over unchanged, already verified scripts is answered
         * from one query (default {@code true}); see {@link MigrationsConfig#fastStart()}.
         */
        public Builder fastStart(boolean fastStart) {
            this.fastStart = fastStart;
            return this;
        }

        /** Replaces the listeners. */
        public Builder listeners(List<? extends MigrationListener> listeners) {
            this.listeners = new ArrayList<>(Objects.requireNonNull(listeners, "listeners"));
            return this;
        }

        /** Adds a listener. */
        public Builder listener(MigrationListener listener) {
            this.listeners.add(Objects.requireNonNull(listener, "listener"));
            return this;
        }

        /**
         * The database dialect; {@code null} (the default) detects it from the first connection's
         * metadata. See {@link MigrationsConfig#dialect()}.
         */
        public Builder dialect(Dialect dialect) {
            this.dialect = dialect;
            return this;
        }

        /**
         * The dialect of offline scripts when none is configured or detected. See
         * {@link MigrationsConfig#offlineDialect()}.
         */
        public Builder offlineDialect(Dialect dialect) {
            this.offlineDialect = dialect;
            return this;
        }

        /**
         * Revisions written in Java, replacing any given before; they join the scripts of
         * {@link #locations} or {@link #scripts} in one graph.
         */
        public Builder javaRevisions(List<? extends JavaRevision> javaRevisions) {
            this.javaRevisions = new ArrayList<>(Objects.requireNonNull(javaRevisions, "javaRevisions"));
            return this;
        }

        /** Adds revisions written in Java. */
        public Builder javaRevisions(JavaRevision... javaRevisions) {
            for (JavaRevision revision : javaRevisions) {
                this.javaRevisions.add(Objects.requireNonNull(revision, "javaRevisions"));
            }
            return this;
        }

        /** How Java revisions' operations name constraints and indexes (default {@link NamingConvention#DEFAULT}). */
        public Builder namingConvention(NamingConvention namingConvention) {
            this.namingConvention = namingConvention;
            return this;
        }

        /**
         * Allows a revision whose last attempt stopped part-way to run again (default {@code false});
         * see {@link MigrationsConfig#retryPartial()}.
         */
        public Builder retryPartial(boolean retryPartial) {
            this.retryPartial = retryPartial;
            return this;
        }

        /**
         * Lets a run start on a database that a newer build migrated (default {@code false}); see
         * {@link MigrationsConfig#allowNewerRevisions()}.
         */
        public Builder allowNewerRevisions(boolean allowNewerRevisions) {
            this.allowNewerRevisions = allowNewerRevisions;
            return this;
        }

        /** See {@link MigrationsConfig#connectRetries()} (default 0: a failed first connection fails the run). */
        public Builder connectRetries(int connectRetries) {
            this.connectRetries = connectRetries;
            return this;
        }

        /** See {@link MigrationsConfig#connectRetriesInterval()} (default 2 minutes). */
        public Builder connectRetriesInterval(Duration connectRetriesInterval) {
            this.connectRetriesInterval = Objects.requireNonNull(connectRetriesInterval, "connectRetriesInterval");
            return this;
        }

        /** The values of placeholders in SQL scripts; see {@link MigrationsConfig#placeholders()}. */
        public Builder placeholders(Placeholders placeholders) {
            this.placeholders = Objects.requireNonNull(placeholders, "placeholders");
            return this;
        }

        /**
         * Checks the values and builds the configuration.
         *
         * @throws MigrationConfigurationException naming the first invalid property
         */
        public MigrationsConfig build() {
            for (String location : this.locations) {
                ConfigChecks.require(location != null && !location.isBlank(),
                        "locations must not contain a blank entry");
            }
            for (String location : this.repeatableLocations) {
                ConfigChecks.require(location != null && !location.isBlank(),
                        "repeatable-locations must not contain a blank entry");
            }
            MigrationsConfig config = new MigrationsConfig(this);
            ConfigChecks.check(config);
            return config;
        }
    }
}
