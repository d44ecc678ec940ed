package io.samokoder.migrations.runtime;

import io.samokoder.migrations.MigrationException;
import io.samokoder.migrations.MigrationExecutionException;
import io.samokoder.migrations.MigrationsConfig;
import io.samokoder.migrations.PlannedStep;
import io.samokoder.migrations.StepResult;
import io.samokoder.migrations.TransactionMode;
import io.samokoder.migrations.dialect.Dialect;
import io.samokoder.migrations.plan.Plan;
import io.samokoder.migrations.plan.RowChange;
import io.samokoder.migrations.plan.Step;
import io.samokoder.migrations.script.RevisionScript;
import io.samokoder.migrations.script.SqlStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Executes a {@link Plan} step by step on one connection: runs the script part, applies the step's
 * row changes to the version table and writes the log row. By default each revision is one
 * transaction; {@link TransactionMode#SINGLE} makes the whole plan one; a revision marked
 * {@code Transactional: false} runs in autocommit and its version change commits right after it.
 * A transaction that fails with lock_not_available is rolled back whole and retried with backoff.
 * The executor never decides row changes itself.
 *
 * <p>Round trips per transactional revision (PostgreSQL): its script statements that return no rows
 * go to the server together as one JDBC batch (pgjdbc sends a batch in one round trip, splitting
 * only batches of some hundred statements), any other statement on its own; then one round trip
 * applies the row changes, writes the log row and commits. A script of DDL and DML therefore costs
 * two. The configured timeouts are set for the session once per run; a revision whose headers
 * override them sets its own for its transaction only ({@code SET LOCAL}, in its batch).
 *
 * <p>When a batch fails, the driver's update counts do not say which of its statements failed
 * (pgjdbc marks every entry as failed inside a transaction), but its message quotes the failed
 * entry's text: the one statement whose text it contains is named, and nothing runs twice. Only
 * when that is ambiguous (identical statements) is the transaction rolled back and run again with
 * that revision's statements sent one by one, so that the error of that run names its statement; a
 * failure that does not recur then (a deadlock, say) lets the revision through. A revision marked
 * {@code Transactional: false}, and every revision when the dialect does not
 * {@link Dialect#batchesStatements() batch statements}, runs statement by statement.
 */
final class Executor {

    private static final Logger LOG = LoggerFactory.getLogger("io.samokoder.migrations.Migrations");
    private static final long BACKOFF_BASE_MILLIS = 100;
    private static final long BACKOFF_MAX_MILLIS = 2000;
    /** First keywords of statements that return no rows and may be sent in a batch. */
    private static final Set<String> BATCHABLE = Set.of("CREATE", "ALTER", "DROP", "INSERT", "UPDATE", "DELETE",
            "MERGE", "TRUNCATE", "COMMENT", "GRANT", "REVOKE", "DO", "SET", "RESET", "LOCK", "REFRESH", "SECURITY",
            "ANALYZE", "REINDEX", "CLUSTER", "NOTIFY", "IMPORT");

    private final MigrationsConfig config;
    private final Dialect dialect;
    private final Catalog catalog;
    private final VersionStore versions;
    private final LogStore log;
    private final Listeners listeners;
    private final MigrationLock lock;
    private final List<StepResult> done = new ArrayList<>();
    private ScheduledExecutorService watcher;
    private Integer backendPid;
    /** The timeouts set for the session during this run: lock timeout, statement timeout. */
    private String[] runTimeouts;
    /** Whether statements of transactional revisions may be sent in batches (PostgreSQL). */
    private boolean batching;

    Executor(MigrationsConfig config, Tables tables, Catalog catalog, Listeners listeners, MigrationLock lock) {
        this.config = config;
        this.dialect = config.dialect();
        this.catalog = catalog;
        this.versions = new VersionStore(tables);
        this.log = new LogStore(tables);
        this.listeners = listeners;
        this.lock = lock;
    }

    /** Runs the plan; the connection must be in autocommit mode and is left in it. */
    List<StepResult> execute(Connection connection, Plan plan) {
        if (plan.isEmpty()) {
            return List.of();
        }
        String restoreCheck = enableDeadClientCheck(connection);
        String[] restoreTimeouts = null;
        try {
            restoreTimeouts = setRunTimeouts(connection);
            this.batching = this.dialect.batchesStatements() && supportsBatches(connection);
            if (this.config.transactionMode() == TransactionMode.SINGLE) {
                runUnit(connection, plan.steps(), true);
            } else {
                for (Step step : plan.steps()) {
                    RevisionScript script = scriptOf(step);
                    if (script != null && !script.transactional()) {
                        runAutocommit(connection, step, script);
                    } else {
                        runUnit(connection, List.of(step), false);
                    }
                }
            }
            return List.copyOf(this.done);
        } finally {
            if (this.watcher != null) {
                this.watcher.shutdownNow();
            }
            if (restoreTimeouts != null) {
                restoreQuietly(connection, restoreTimeouts);
            }
            if (restoreCheck != null) {
                setSession(connection, this.dialect.deadClientCheckSetting(), restoreCheck);
            }
        }
    }

    /**
     * Asks the server to check during long statements whether this client is still there, so that
     * if this process is killed mid-revision, its session ends (and its transaction rolls back) within
     * about a second instead of when the statement finishes. Returns the value to restore, or
     * {@code null} when the server does not support it.
     */
    private String enableDeadClientCheck(Connection connection) {
        String setting = this.dialect.deadClientCheckSetting();
        try {
            if (setting == null || connection.getMetaData().getDatabaseMajorVersion()
                    < this.dialect.deadClientCheckSinceVersion()) {
                return null;
            }
            String previous;
            try (PreparedStatement ps = connection.prepareStatement("SELECT current_setting(?)")) {
                ps.setString(1, setting);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    previous = rs.getString(1);
                }
            }
            return setSession(connection, setting, this.dialect.deadClientCheckValue()) ? previous : null;
        } catch (SQLException e) {
            LOG.debug("Could not enable the dead-client check: {}", Jdbc.describe(e));
            return null;
        }
    }

    /**
     * Sets the configured timeouts for the session once per run, so that a revision without its own
     * timeout headers needs no round trip for them; returns the values to restore.
     */
    private String[] setRunTimeouts(Connection connection) {
        this.runTimeouts = timeouts(null);
        try {
            String[] previous = currentTimeouts(connection);
            restoreTimeouts(connection, this.runTimeouts);
            return previous;
        } catch (SQLException e) {
            throw Jdbc.failure("Could not set lock_timeout and statement_timeout for the run", e);
        }
    }

    private static boolean supportsBatches(Connection connection) {
        try {
            return connection.getMetaData().supportsBatchUpdates();
        } catch (SQLException e) {
            LOG.debug("Could not ask the driver about batches: {}", Jdbc.describe(e));
            return false;
        }
    }

    private static boolean setSession(Connection connection, String setting, String value) {
        try (PreparedStatement ps = connection.prepareStatement("SELECT set_config(?, ?, false)")) {
            ps.setString(1, setting);
            ps.setString(2, value);
            ps.executeQuery().close();
            return true;
        } catch (SQLException e) {
            LOG.debug("Could not set {}: {}", setting, Jdbc.describe(e));
            return false;
        }
    }

    private RevisionScript scriptOf(Step step) {
        return step.kind() == Step.Kind.STAMP || step.revision() == null ? null : this.catalog.script(step.revision());
    }

    /** A statement or version change that failed, with where it was. */
    private static final class StepFailure extends Exception {
        private static final long serialVersionUID = 1L;
        final transient Step step;
        final int statementNumber;
        final int line;
        final SQLException error;
        /** The statement failed in a batch of several, so which one is not known. */
        final boolean inBatch;

        StepFailure(Step step, int statementNumber, int line, SQLException error) {
            this(step, statementNumber, line, error, false);
        }

        private StepFailure(Step step, int statementNumber, int line, SQLException error, boolean inBatch) {
            super(error.getMessage(), null, false, false);
            this.step = step;
            this.statementNumber = statementNumber;
            this.line = line;
            this.error = error;
            this.inBatch = inBatch;
        }

        static StepFailure inBatch(Step step, SQLException error) {
            return new StepFailure(step, 0, 0, serverError(error), true);
        }

        /**
         * The server's error behind a failed batch: pgjdbc chains it as the next exception of its
         * {@code BatchUpdateException}, whose own message quotes the statement.
         */
        static SQLException serverError(SQLException error) {
            if (error.getNextException() != null) {
                return error.getNextException();
            }
            return error.getCause() instanceof SQLException cause ? cause : error;
        }
    }

    // ---------------------------------------------------------------- transactional units

    /**
     * Runs steps in one transaction. A step's statements go to the server in batches where that is
     * safe ({@link #batchable}); when a batch fails, the server does not say which statement failed,
     * so the unit is rolled back and run again with that step's statements sent one by one, and the
     * error of that run is the one reported (a lock timeout in a batch counts as an attempt).
     */
    private void runUnit(Connection connection, List<Step> steps, boolean single) {
        int maxAttempts = this.config.lockRetries() + 1;
        AtomicReference<String> waits = new AtomicReference<>("");
        boolean[] oneByOne = new boolean[steps.size()];
        int announced = 0;
        int attempt = 1;
        while (true) {
            long unitStart = System.nanoTime();
            List<StepResult> pending = new ArrayList<>();
            Step current = null;
            int currentIndex = 0;
            String[] effective = this.runTimeouts;
            try {
                connection.setAutoCommit(false);
                for (int i = 0; i < steps.size(); i++) {
                    Step step = steps.get(i);
                    current = step;
                    currentIndex = i;
                    RevisionScript script = scriptOf(step);
                    PlannedStep planned = planned(step, script);
                    if (i >= announced) {
                        this.listeners.stepStarting(planned);
                        logStart(step, script, attempt);
                        announced = i + 1;
                    }
                    Instant stepStarted = Instant.now();
                    long stepStart = System.nanoTime();
                    effective = this.batching && !oneByOne[i]
                            ? runBatched(connection, step, script, effective, attempt > 1, waits)
                            : runStatements(connection, step, script, effective, attempt > 1, waits);
                    long millis = (System.nanoTime() - stepStart) / 1_000_000;
                    recordStep(connection, step, logRow(step, script, stepStarted, millis, LogStore.SUCCESS, null),
                            i == steps.size() - 1);
                    pending.add(new StepResult(step.kind(), step.revision(), planned.message(), planned.file(),
                            step.rowsBefore(), step.rowsAfter(),
                            Duration.ofNanos(System.nanoTime() - (single ? stepStart : unitStart)), attempt));
                }
                connection.commit();
                connection.setAutoCommit(true);
                for (StepResult result : pending) {
                    this.done.add(result);
                    LOG.info("Finished {} {} in {} ms", verb(result.direction()),
                            result.revision() == null ? "base" : result.revision(), result.duration().toMillis());
                    this.listeners.stepFinished(result);
                }
                return;
            } catch (StepFailure failure) {
                rollback(connection);
                boolean lockNotAvailable = this.dialect.isLockNotAvailable(failure.error);
                if (failure.inBatch) {
                    oneByOne[currentIndex] = true;
                    if (lockNotAvailable) {
                        long backoff = attempt < maxAttempts ? backoff(attempt) : 0;
                        LOG.warn("Revision {} could not get a lock within lock_timeout {} (in a batch of its"
                                + " statements): {}; rolled back, running it again in {} ms with its statements"
                                + " sent one by one (attempt {})", label(failure.step),
                                this.dialect.timeoutValue(lockTimeout(scriptOf(failure.step))),
                                Jdbc.describe(failure.error), backoff, attempt + 1);
                        sleep(backoff);
                        attempt++;
                        announced = 0;
                    } else {
                        LOG.info("Revision {} failed in a batch of its statements: {}; rolled back, running it again"
                                + " with its statements sent one by one to find the failing one",
                                label(failure.step), Jdbc.describe(failure.error));
                    }
                    continue;
                }
                if (lockNotAvailable && attempt < maxAttempts) {
                    long backoff = backoff(attempt);
                    LOG.warn("Revision {} could not get a lock within lock_timeout {} (statement {}, line {}): {};"
                            + " rolled back, retrying in {} ms (attempt {} of {})", label(failure.step),
                            this.dialect.timeoutValue(lockTimeout(scriptOf(failure.step))), failure.statementNumber,
                            failure.line, Jdbc.describe(failure.error), backoff, attempt + 1, maxAttempts);
                    sleep(backoff);
                    attempt++;
                    announced = 0;
                    continue;
                }
                throw fail(connection, failure, single, steps, attempt, waits.get());
            } catch (SQLException e) {
                rollback(connection);
                Step step = current == null ? steps.get(0) : current;
                throw fail(connection, new StepFailure(step, 0, 0, e), single, steps, attempt, waits.get());
            } catch (MigrationException e) {
                rollback(connection);
                Step step = current == null ? steps.get(0) : current;
                this.listeners.stepFailed(planned(step, scriptOf(step)), e);
                throw e;
            }
        }
    }

    private static List<SqlStatement> statements(Step step, RevisionScript script) {
        if (script == null) {
            return List.of();
        }
        return step.kind() == Step.Kind.DOWNGRADE ? script.downgradeStatements() : script.upgradeStatements();
    }

    /** Sends the step's timeouts (when they change) and statements one by one; returns the timeouts in effect. */
    private String[] runStatements(Connection connection, Step step, RevisionScript script, String[] effective,
            boolean watchWaits, AtomicReference<String> waits) throws StepFailure {
        String[] now = setTimeouts(connection, step, script, effective, true);
        List<SqlStatement> statements = statements(step, script);
        if (statements.isEmpty()) {
            return now;
        }
        try (Statement st = connection.createStatement()) {
            st.setEscapeProcessing(false);
            for (SqlStatement statement : statements) {
                execute(connection, st, step, script, statement, watchWaits, waits);
            }
        } catch (SQLException e) {
            throw new StepFailure(step, 0, 0, e);
        }
        return now;
    }

    private void execute(Connection connection, Statement st, Step step, RevisionScript script,
            SqlStatement statement, boolean watchWaits, AtomicReference<String> waits) throws StepFailure {
        ScheduledFuture<?> probe = watchWaits ? scheduleWaitProbe(connection, script, waits) : null;
        try {
            st.execute(statement.sql());
        } catch (SQLException e) {
            throw new StepFailure(step, statement.number(), statement.line(), e);
        } finally {
            if (probe != null) {
                probe.cancel(false);
            }
        }
    }

    /**
     * Sends the step's timeouts (when they change, as {@code SET LOCAL}s) and its statements with as
     * few round trips as is safe: consecutive {@link #batchable} statements go as one JDBC batch,
     * every other statement on its own. A batch with a single statement of the script is sent like
     * one on its own, so that its failure names it (a {@code SET LOCAL} of a timeout does not fail
     * by itself); a failure of a larger batch is a {@link StepFailure#inBatch}. Returns the timeouts
     * in effect.
     */
    private String[] runBatched(Connection connection, Step step, RevisionScript script, String[] effective,
            boolean watchWaits, AtomicReference<String> waits) throws StepFailure {
        String[] wanted = timeouts(script);
        List<String> settings = Arrays.equals(wanted, effective) ? List.of()
                : this.dialect.offlineTimeouts(lockTimeout(script), statementTimeout(script), true);
        try (Statement st = connection.createStatement()) {
            st.setEscapeProcessing(false);
            List<SqlStatement> batch = new ArrayList<>();
            for (SqlStatement statement : statements(step, script)) {
                if (batchable(statement.sql())) {
                    batch.add(statement);
                } else {
                    flush(connection, st, step, script, settings, batch, watchWaits, waits);
                    settings = List.of();
                    batch.clear();
                    execute(connection, st, step, script, statement, watchWaits, waits);
                }
            }
            flush(connection, st, step, script, settings, batch, watchWaits, waits);
        } catch (SQLException e) {
            throw new StepFailure(step, 0, 0, e);
        }
        return wanted;
    }

    private void flush(Connection connection, Statement st, Step step, RevisionScript script, List<String> settings,
            List<SqlStatement> batch, boolean watchWaits, AtomicReference<String> waits) throws StepFailure {
        if (settings.isEmpty() && batch.size() == 1) {
            execute(connection, st, step, script, batch.get(0), watchWaits, waits);
            return;
        }
        if (settings.isEmpty() && batch.isEmpty()) {
            return;
        }
        try {
            for (String setting : settings) {
                st.addBatch(setting);
            }
            for (SqlStatement statement : batch) {
                st.addBatch(statement.sql());
            }
        } catch (SQLException e) {
            // The driver refused an entry (pgjdbc refuses what it parses as several statements): send one by one.
            LOG.debug("Sending the statements of {} one by one: {}", label(step), Jdbc.describe(e));
            try {
                st.clearBatch();
                for (String setting : settings) {
                    st.execute(setting);
                }
            } catch (SQLException ex) {
                throw new StepFailure(step, 0, 0, ex);
            }
            for (SqlStatement statement : batch) {
                execute(connection, st, step, script, statement, watchWaits, waits);
            }
            return;
        }
        ScheduledFuture<?> probe = watchWaits ? scheduleWaitProbe(connection, script, waits) : null;
        try {
            st.executeBatch();
        } catch (SQLException e) {
            if (batch.size() > 1) {
                SqlStatement failed = locate(e, batch);
                if (failed != null) {
                    throw new StepFailure(step, failed.number(), failed.line(), StepFailure.serverError(e));
                }
                throw StepFailure.inBatch(step, e);
            }
            SQLException cause = StepFailure.serverError(e);
            throw batch.isEmpty() ? new StepFailure(step, 0, 0, cause)
                    : new StepFailure(step, batch.get(0).number(), batch.get(0).line(), cause);
        } finally {
            if (probe != null) {
                probe.cancel(false);
            }
        }
    }

    /**
     * The statement of a failed batch that the driver's error names: pgjdbc's message quotes the
     * failed entry's text (in every language it translates to), so the one statement of the batch
     * whose text it contains is the one that failed. {@code null} when none or several match (for
     * example two identical statements); the caller then finds it by running them one by one. The
     * message is only searched, never shown: it quotes SQL, which may hold secrets.
     */
    static SqlStatement locate(SQLException error, List<SqlStatement> batch) {
        String message = error.getMessage();
        if (message == null) {
            return null;
        }
        SqlStatement found = null;
        for (SqlStatement statement : batch) {
            if (message.contains(statement.sql())) {
                if (found != null) {
                    return null;
                }
                found = statement;
            }
        }
        return found;
    }

    /**
     * Whether a statement may go to the server in a batch: it must return no rows, because pgjdbc
     * executes batch entries with a row limit of one, so a {@code SELECT} there runs only until its
     * first row (a {@code SELECT f(x) FROM ...} would call {@code f} once). Decided by the first
     * keyword after comments; {@code INSERT}/{@code UPDATE}/{@code DELETE}/{@code MERGE} with
     * {@code RETURNING} run to completion all the same. Anything not listed (SELECT, WITH, VALUES,
     * TABLE, SHOW, EXPLAIN, CALL, COPY, transaction control, ...) is sent on its own.
     */
    static boolean batchable(String sql) {
        int i = 0;
        int n = sql.length();
        while (i < n) {
            char c = sql.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
                int nl = sql.indexOf('\n', i);
                i = nl < 0 ? n : nl + 1;
            } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
                int depth = 1;
                i += 2;
                while (i < n && depth > 0) {
                    if (sql.startsWith("/*", i)) {
                        depth++;
                        i += 2;
                    } else if (sql.startsWith("*/", i)) {
                        depth--;
                        i += 2;
                    } else {
                        i++;
                    }
                }
            } else {
                break;
            }
        }
        int start = i;
        while (i < n && Character.isLetter(sql.charAt(i))) {
            i++;
        }
        return BATCHABLE.contains(sql.substring(start, i).toUpperCase(Locale.ROOT));
    }

    /**
     * Applies the step's row changes and writes its log row, in one round trip when the changes
     * allow it; with {@code commit}, the same round trip also commits (the caller's later
     * {@code commit()} then has nothing left to do).
     */
    private void recordStep(Connection connection, Step step, LogStore.Row row, boolean commit) throws StepFailure {
        try {
            if (VersionStore.combinable(step.rowChanges())) {
                this.versions.applyAndLog(connection, step.rowChanges(), this.log, row,
                        commit ? this.dialect.offlineCommit() : null);
            } else {
                for (RowChange change : step.rowChanges()) {
                    this.versions.apply(connection, change);
                }
                this.log.insert(connection, row);
            }
        } catch (SQLException e) {
            throw new StepFailure(step, 0, 0, e);
        }
    }

    /**
     * After a lock timeout, a retry watches what the statement waits for: halfway through the lock
     * timeout, the idle lock connection reads pg_locks so the final error can name the lock.
     */
    private ScheduledFuture<?> scheduleWaitProbe(Connection connection, RevisionScript script,
            AtomicReference<String> waits) {
        Duration timeout = lockTimeout(script);
        if (this.lock == null || timeout.isZero()) {
            return null;
        }
        Integer pid = backendPid(connection);
        if (pid == null) {
            return null;
        }
        if (this.watcher == null) {
            this.watcher = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "samokoder-migrations-lock-probe");
                t.setDaemon(true);
                return t;
            });
        }
        long delay = Math.max(1, timeout.toMillis() / 2);
        return this.watcher.schedule(() -> {
            String described = this.lock.describeWaits(pid);
            if (!described.isEmpty()) {
                waits.set(described);
            }
        }, delay, TimeUnit.MILLISECONDS);
    }

    private Integer backendPid(Connection connection) {
        if (this.backendPid == null) {
            try (Statement st = connection.createStatement();
                    ResultSet rs = st.executeQuery(this.dialect.backendPidQuery())) {
                if (rs.next()) {
                    this.backendPid = rs.getInt(1);
                }
            } catch (SQLException e) {
                LOG.debug("Could not read the backend pid: {}", Jdbc.describe(e));
            }
        }
        return this.backendPid;
    }

    // ---------------------------------------------------------------- non-transactional revisions

    private void runAutocommit(Connection connection, Step step, RevisionScript script) {
        int maxAttempts = this.config.lockRetries() + 1;
        PlannedStep planned = planned(step, script);
        for (int attempt = 1; ; attempt++) {
            this.listeners.stepStarting(planned);
            logStart(step, script, attempt);
            Instant started = Instant.now();
            long start = System.nanoTime();
            String[] saved = null;
            int committedStatements = 0;
            try {
                connection.setAutoCommit(true);
                if (!Arrays.equals(timeouts(script), this.runTimeouts)) {
                    saved = this.runTimeouts;
                    setTimeouts(connection, step, script, null, false);
                }
                List<SqlStatement> statements = step.kind() == Step.Kind.DOWNGRADE
                        ? script.downgradeStatements() : script.upgradeStatements();
                try (Statement st = connection.createStatement()) {
                    st.setEscapeProcessing(false);
                    for (SqlStatement statement : statements) {
                        try {
                            st.execute(statement.sql());
                        } catch (SQLException e) {
                            throw new StepFailure(step, statement.number(), statement.line(), e);
                        }
                        committedStatements++;
                    }
                }
                if (saved != null) {
                    restoreTimeouts(connection, saved);
                    saved = null;
                }
                connection.setAutoCommit(false);
                long millis = (System.nanoTime() - start) / 1_000_000;
                recordStep(connection, step, logRow(step, script, started, millis, LogStore.SUCCESS, null), true);
                connection.commit();
                connection.setAutoCommit(true);
                StepResult result = new StepResult(step.kind(), step.revision(), planned.message(), planned.file(),
                        step.rowsBefore(), step.rowsAfter(), Duration.ofNanos(System.nanoTime() - start), attempt);
                this.done.add(result);
                LOG.info("Finished {} {} in {} ms (not transactional)", verb(step.kind()), step.revision(),
                        result.duration().toMillis());
                this.listeners.stepFinished(result);
                return;
            } catch (StepFailure failure) {
                rollback(connection);
                if (saved != null) {
                    restoreQuietly(connection, saved);
                }
                if (committedStatements == 0 && failure.statementNumber > 0
                        && this.dialect.isLockNotAvailable(failure.error) && attempt < maxAttempts) {
                    long backoff = backoff(attempt);
                    LOG.warn("Revision {} could not get a lock within lock_timeout at its first statement: {};"
                            + " nothing was changed, retrying in {} ms (attempt {} of {})", step.revision(),
                            Jdbc.describe(failure.error), backoff, attempt + 1, maxAttempts);
                    sleep(backoff);
                    continue;
                }
                throw failNonTransactional(connection, failure, committedStatements, attempt);
            } catch (SQLException e) {
                rollback(connection);
                if (saved != null) {
                    restoreQuietly(connection, saved);
                }
                throw failNonTransactional(connection, new StepFailure(step, 0, 0, e), committedStatements, attempt);
            } catch (MigrationException e) {
                rollback(connection);
                this.listeners.stepFailed(planned, e);
                throw e;
            }
        }
    }

    // ---------------------------------------------------------------- failures

    private MigrationExecutionException fail(Connection connection, StepFailure failure, boolean single,
            List<Step> unit, int attempts, String observedWait) {
        Step step = failure.step;
        RevisionScript script = scriptOf(step);
        String state;
        if (single) {
            state = "The whole run was one transaction and was rolled back: nothing was applied, and the version table"
                    + " is unchanged at " + rows(unit.get(0).rowsBefore()) + ".";
        } else {
            state = (step.kind() == Step.Kind.STAMP ? "The stamp" : "Revision " + step.revision())
                    + " was rolled back; the version table is unchanged at " + rows(step.rowsBefore()) + "."
                    + earlier();
        }
        if (this.dialect.isLockNotAvailable(failure.error)) {
            state += " It ran out of lock_timeout (" + this.dialect.timeoutValue(lockTimeout(script)) + ") "
                    + attempts + " time" + (attempts == 1 ? "" : "s") + " waiting for "
                    + (observedWait.isEmpty() ? "a lock held by another session" : observedWait)
                    + "; retry when the table is not in use, or raise lockTimeout / lockRetries"
                    + " (or the revision's 'Lock Timeout:' header).";
        }
        return record(connection, failure, state, attempts);
    }

    private MigrationExecutionException failNonTransactional(Connection connection, StepFailure failure,
            int committedStatements, int attempts) {
        Step step = failure.step;
        String state;
        if (committedStatements == 0) {
            state = "Revision " + step.revision() + " is not transactional; none of its statements had completed, so"
                    + " nothing was changed, and the version table is unchanged at " + rows(step.rowsBefore()) + ".";
        } else if (failure.statementNumber > 0) {
            state = "Revision " + step.revision() + " is not transactional: its statements 1 to " + committedStatements
                    + " were committed and stay, while the version table is unchanged at " + rows(step.rowsBefore())
                    + ", so the revision counts as not applied. Undo those statements by hand or make them safe to"
                    + " repeat (IF NOT EXISTS, IF EXISTS), then run again.";
        } else {
            state = "Revision " + step.revision() + " is not transactional: all its statements were committed, but"
                    + " recording it in the version table failed, which is unchanged at " + rows(step.rowsBefore())
                    + ". Fix the cause and stamp the revision (its statements already ran).";
        }
        return record(connection, failure, state + earlier(), attempts);
    }

    private String earlier() {
        if (this.done.isEmpty()) {
            return "";
        }
        List<String> ids = new ArrayList<>();
        for (StepResult r : this.done) {
            ids.add(r.revision() == null ? "base" : r.revision());
        }
        return " Earlier steps of this run stay committed: " + String.join(", ", ids) + ".";
    }

    private MigrationExecutionException record(Connection connection, StepFailure failure, String state,
            int attempts) {
        Step step = failure.step;
        RevisionScript script = scriptOf(step);
        String file = script == null ? "" : script.description();
        String serverMessage = Redactor.redact(Jdbc.firstLine(failure.error.getMessage()));
        MigrationExecutionException error = new MigrationExecutionException(
                step.revision() == null ? "base" : step.revision(), file, failure.statementNumber, failure.line,
                failure.error.getSQLState(), serverMessage, state, Jdbc.sanitized(failure.error));
        try {
            connection.setAutoCommit(true);
            this.log.insert(connection, logRow(step, script, Instant.now(), 0, LogStore.FAILED,
                    error.getMessage() + (attempts > 1 ? " [" + attempts + " attempts]" : "")));
        } catch (SQLException e) {
            error.addSuppressed(Jdbc.failure("Could not record the failure in the log table", e));
        }
        LOG.error(error.getMessage());
        this.listeners.stepFailed(planned(step, script), error);
        return error;
    }

    // ---------------------------------------------------------------- helpers

    private Duration lockTimeout(RevisionScript script) {
        return script != null && script.lockTimeout().isPresent() ? script.lockTimeout().get()
                : this.config.lockTimeout();
    }

    private Duration statementTimeout(RevisionScript script) {
        return script != null && script.statementTimeout().isPresent() ? script.statementTimeout().get()
                : this.config.statementTimeout();
    }

    /** The lock and statement timeouts a revision runs with, as the dialect writes them. */
    private String[] timeouts(RevisionScript script) {
        return new String[] {this.dialect.timeoutValue(lockTimeout(script)),
            this.dialect.timeoutValue(statementTimeout(script))};
    }

    /**
     * Sets the revision's timeouts unless they are already in effect ({@code effective}, or
     * {@code null} for unknown); returns the timeouts now in effect.
     */
    private String[] setTimeouts(Connection connection, Step step, RevisionScript script, String[] effective,
            boolean local) throws StepFailure {
        String[] wanted = timeouts(script);
        if (Arrays.equals(wanted, effective)) {
            return effective;
        }
        try (PreparedStatement ps = connection.prepareStatement(this.dialect.setTimeoutsQuery())) {
            ps.setString(1, wanted[0]);
            ps.setBoolean(2, local);
            ps.setString(3, wanted[1]);
            ps.setBoolean(4, local);
            ps.executeQuery().close();
            return wanted;
        } catch (SQLException e) {
            throw new StepFailure(step, 0, 0, e);
        }
    }

    private String[] currentTimeouts(Connection connection) throws SQLException {
        try (Statement st = connection.createStatement();
                ResultSet rs = st.executeQuery(this.dialect.currentTimeoutsQuery())) {
            rs.next();
            return new String[] {rs.getString(1), rs.getString(2)};
        }
    }

    private void restoreTimeouts(Connection connection, String[] saved) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(this.dialect.setTimeoutsQuery())) {
            ps.setString(1, saved[0]);
            ps.setBoolean(2, false);
            ps.setString(3, saved[1]);
            ps.setBoolean(4, false);
            ps.executeQuery().close();
        }
    }

    private void restoreQuietly(Connection connection, String[] saved) {
        try {
            connection.setAutoCommit(true);
            restoreTimeouts(connection, saved);
        } catch (SQLException e) {
            LOG.debug("Could not restore the session timeouts: {}", Jdbc.describe(e));
        }
    }

    private static void rollback(Connection connection) {
        try {
            if (!connection.getAutoCommit()) {
                connection.rollback();
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            LOG.debug("Rollback failed: {}", Jdbc.describe(e));
        }
    }

    private static long backoff(int attempt) {
        return Math.min(BACKOFF_MAX_MILLIS, BACKOFF_BASE_MILLIS << Math.min(10, attempt - 1));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MigrationException("Interrupted while waiting to retry a revision");
        }
    }

    private LogStore.Row logRow(Step step, RevisionScript script, Instant started, long millis, String outcome,
            String error) {
        String direction = switch (step.kind()) {
            case UPGRADE -> LogStore.UP;
            case DOWNGRADE -> LogStore.DOWN;
            case STAMP -> LogStore.STAMP;
        };
        boolean ran = script != null && step.kind() != Step.Kind.STAMP;
        return new LogStore.Row(step.revision(), direction, script == null ? null : script.message(),
                script == null ? null : script.description(),
                script == null ? null : String.join(",", script.downRevisions()),
                ran ? script.checksum() : null, ran ? this.catalog.contentHash(step.revision()) : null,
                String.join(",", step.rowsBefore()), String.join(",", step.rowsAfter()), started, millis, outcome,
                error);
    }

    PlannedStep planned(Step step, RevisionScript script) {
        RevisionScript described = script != null || step.revision() == null ? script
                : this.catalog.script(step.revision());
        return Engine.plannedStep(step, described);
    }

    private static void logStart(Step step, RevisionScript script, int attempt) {
        String line = step.describe();
        if (script != null && !script.message().isEmpty()) {
            line += ", " + script.message();
        }
        if (attempt > 1) {
            line += " (attempt " + attempt + ")";
        }
        LOG.info(line);
    }

    private static String label(Step step) {
        return step.revision() == null ? "base" : step.revision();
    }

    private static String verb(Step.Kind kind) {
        return switch (kind) {
            case UPGRADE -> "upgrade";
            case DOWNGRADE -> "downgrade";
            case STAMP -> "stamp";
        };
    }

    static String rows(List<String> rows) {
        return rows.isEmpty() ? "<base> (no rows)" : "[" + String.join(", ", rows) + "]";
    }
}
