package io.samokoder.migrations.autoconfigure;

import io.samokoder.migrations.Leaving;
import io.samokoder.migrations.MigrationExecutionException;
import io.samokoder.migrations.MigrationResult;
import io.samokoder.migrations.MigrationStatus;
import io.samokoder.migrations.Migrations;
import io.samokoder.migrations.StepResult;
import io.samokoder.migrations.script.RevisionScript;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.core.Ordered;

/**
 * Runs migrations when the application context starts: in {@link #afterPropertiesSet()}, so before
 * the context finishes starting and before the web server takes traffic. Beans that use the
 * database (JdbcTemplate, JdbcClient, JPA, ...) are made to depend on it. An exception stops
 * start-up.
 *
 * <p>Afterwards it keeps a {@link MigrationsReport} for the endpoint, health and metrics; {@link
 * #report()} refreshes its version rows with one query.
 */
public class MigrationsInitializer implements InitializingBean, Ordered {

    private final Migrations migrations;
    private final MigrationsStrategy strategy;
    private final MigrationsProperties.Mode mode;
    private final String target;
    private final RunObserver observer;
    private final ReportReader reader;
    private final Object refreshLock = new Object();
    private volatile @Nullable MigrationsReport report;
    private volatile MigrationsReport.@Nullable LastRun lastRun;
    private volatile @Nullable List<String> startupRows;
    private final boolean runsDeferredWhenReady;
    private final boolean separatesDeferred;
    private final boolean holdsContract;
    private volatile MigrationsReport.@Nullable LastRun deferredRun;
    private @Nullable DeferredProgress deferredProgress;
    private volatile boolean startupFast;
    /** Whether the start-up found no version row: its deferred run then holds nothing (no old build reads it). */
    private volatile boolean startedEmpty;
    private int order;

    /**
     * Creates an initializer that upgrades to {@code heads}.
     *
     * @param migrations the engine
     */
    public MigrationsInitializer(Migrations migrations) {
        this(migrations, null, MigrationsProperties.Mode.UPGRADE, "heads", false);
    }

    /**
     * Creates an initializer.
     *
     * @param migrations the engine
     * @param strategy replaces what {@code mode} does, or {@code null}
     * @param mode what start-up does when there is no strategy
     * @param target the target revision spec
     * @param allowDowngrade whether a target below the current revision may downgrade
     */
    public MigrationsInitializer(Migrations migrations, @Nullable MigrationsStrategy strategy,
            MigrationsProperties.Mode mode, String target, boolean allowDowngrade) {
        this(migrations, strategy, mode, target, allowDowngrade, MigrationsProperties.Deferred.AFTER_READY,
                MigrationsProperties.Contract.HOLD, RunObserver.NONE);
    }

    MigrationsInitializer(Migrations migrations, @Nullable MigrationsStrategy strategy, MigrationsProperties.Mode mode,
            String target, boolean allowDowngrade, MigrationsProperties.Deferred deferred,
            MigrationsProperties.Contract contract, RunObserver observer) {
        this.migrations = Objects.requireNonNull(migrations, "migrations");
        this.mode = Objects.requireNonNull(mode, "mode");
        this.target = Objects.requireNonNull(target, "target");
        this.strategy = (strategy != null) ? strategy
                : ModeStrategies.forMode(mode, target, allowDowngrade, deferred, contract);
        Set<Leaving> leaving = ModeStrategies.leaving(target, deferred, contract);
        this.separatesDeferred = leaving.contains(Leaving.DEFERRED);
        this.holdsContract = leaving.contains(Leaving.CONTRACT);
        // Decided here, from the bound property, not by a condition on its text: after-ready in any spelling Spring
        // binds (AFTER_READY, after_ready), and in an AOT-processed application as it is set when it runs.
        this.runsDeferredWhenReady = this.separatesDeferred && strategy == null
                && mode == MigrationsProperties.Mode.UPGRADE && deferred == MigrationsProperties.Deferred.AFTER_READY;
        this.observer = Objects.requireNonNull(observer, "observer");
        this.reader = new ReportReader(this.migrations, this.mode, this.target, this.separatesDeferred,
                this::holdsContractNow);
    }

    /** Shows the steps of the deferred revisions' run as it goes, when the engine has its listener. */
    void setDeferredProgress(@Nullable DeferredProgress deferredProgress) {
        this.deferredProgress = deferredProgress;
    }

    /** The engine this initializer runs. */
    public Migrations getMigrations() {
        return this.migrations;
    }

    @Override
    public void afterPropertiesSet() {
        Instant startedAt = Instant.now();
        long start = System.nanoTime();
        MigrationResult result;
        try {
            result = this.observer.observe(this.mode, this.target, () -> this.strategy.migrate(this.migrations));
        }
        catch (RuntimeException ex) {
            Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
            String failedRevision = (ex instanceof MigrationExecutionException execution) ? execution.revision() : null;
            MigrationsReport.LastRun lastRun = new MigrationsReport.LastRun(startedAt, elapsed, Duration.ZERO,
                    MigrationsReport.Outcome.FAILED, null, List.of(), failedRevision, ex.getMessage());
            this.lastRun = lastRun;
            this.report = captureAfterFailure(lastRun);
            throw ex;
        }
        MigrationsReport.LastRun lastRun = (result != null)
                ? new MigrationsReport.LastRun(result.startedAt(), result.duration(), result.lockWait(),
                        MigrationsReport.Outcome.SUCCESS, result.command().name(), result.steps(), null, null,
                        result.warnings())
                : new MigrationsReport.LastRun(startedAt, Duration.ofNanos(System.nanoTime() - start), Duration.ZERO,
                        MigrationsReport.Outcome.NOT_RUN, null, List.of(), null, null);
        // The status and history are read on the first request for the report, not on the
        // start-up thread: nothing needs them before the endpoint, health or a gauge asks. The rows the run
        // left stand in for them if the database is down by then.
        this.startupRows = (result != null) ? result.rowsAfter() : null;
        this.startupFast = result != null && result.fastStart();
        this.startedEmpty = result != null && result.rowsBefore().isEmpty();
        this.lastRun = lastRun;
    }

    /**
     * Runs the deferred revisions that the start-up left ({@code upgrade heads}, holding the contract revisions with
     * {@code samokoder.migrations.contract=hold}), on the calling thread, when there are any and the start-up
     * succeeded; their run is reported as {@link MigrationsReport#deferredRun()}. Called once the application is
     * ready; with {@code samokoder.migrations.deferred} other than {@code after-ready} ({@code manual}: a job or the
     * command line runs them) it runs nothing.
     *
     * @return whether deferred revisions were run (or tried)
     */
    public boolean runDeferred() {
        if (!mayRunDeferred()) {
            return false;
        }
        Instant startedAt = Instant.now();
        long start = System.nanoTime();
        try {
            // Read, not assumed: another instance may have run them since this one started.
            if (!deferredToRun()) {
                return false;
            }
            this.deferredRun = new MigrationsReport.LastRun(startedAt, Duration.ZERO, Duration.ZERO,
                    MigrationsReport.Outcome.RUNNING, "UPGRADE", List.of(), null, null);
            if (this.deferredProgress != null) {
                this.deferredProgress.start();
            }
            MigrationResult result = this.observer.observe(this.mode, "heads", this::upgradeDeferred);
            this.deferredRun = new MigrationsReport.LastRun(result.startedAt(), result.duration(), result.lockWait(),
                    MigrationsReport.Outcome.SUCCESS, result.command().name(), result.steps(), null, null,
                    result.warnings());
        }
        catch (RuntimeException ex) {
            String failedRevision = (ex instanceof MigrationExecutionException execution) ? execution.revision() : null;
            // The steps that committed before it failed stay applied: listed, where the progress was recorded.
            List<StepResult> done = (this.deferredProgress != null) ? this.deferredProgress.steps() : List.of();
            this.deferredRun = new MigrationsReport.LastRun(startedAt, Duration.ofNanos(System.nanoTime() - start),
                    Duration.ZERO, MigrationsReport.Outcome.FAILED, "UPGRADE", done, failedRevision,
                    ex.getMessage());
            throw ex;
        }
        finally {
            if (this.deferredProgress != null) {
                this.deferredProgress.stop();
            }
        }
        return true;
    }

    /**
     * Whether the deferred run holds contract revisions: where the start-up does, unless it began on a new database,
     * which gets them with the rest (the start-up's rows are no sign of an old build).
     */
    private boolean holdsContractNow() {
        return this.holdsContract && !this.startedEmpty;
    }

    /** Whether a deferred revision is pending that the deferred run applies: not one of the held contract ones. */
    private boolean deferredToRun() {
        if (!holdsContractNow()) {
            return !this.migrations.pendingDeferred().isEmpty();
        }
        MigrationStatus status = this.migrations.status("heads");
        List<String> held = this.migrations.heldContract(status.current(), status.pending());
        return status.pending().stream().anyMatch((id) -> this.migrations.isDeferred(id) && !held.contains(id));
    }

    /** The deferred run: {@code upgrade heads}, holding the contract revisions where the start-up holds them. */
    private MigrationResult upgradeDeferred() {
        return holdsContractNow() ? this.migrations.upgradeLeaving(EnumSet.of(Leaving.CONTRACT))
                : this.migrations.upgrade("heads");
    }

    /**
     * The deferred revisions' run: while it runs, with the steps it has finished so far (a new value only when
     * there are more); {@code null} before it started.
     */
    private MigrationsReport.@Nullable LastRun deferredRun() {
        MigrationsReport.LastRun run = this.deferredRun;
        DeferredProgress progress = this.deferredProgress;
        if (run == null || run.outcome() != MigrationsReport.Outcome.RUNNING || progress == null) {
            return run;
        }
        List<StepResult> steps = progress.steps();
        return (steps.size() == run.steps().size()) ? run : new MigrationsReport.LastRun(run.startedAt(),
                run.duration(), run.lockWait(), run.outcome(), run.command(), steps, null, null);
    }

    /** Whether a report's deferred run is the run as it is now: the same run, with as many steps. */
    private static boolean sameRun(MigrationsReport.@Nullable LastRun reported,
            MigrationsReport.@Nullable LastRun now) {
        if (reported == null || now == null) {
            return reported == now;
        }
        return reported == now || (reported.startedAt().equals(now.startedAt()) && reported.outcome() == now.outcome()
                && reported.steps().size() == now.steps().size());
    }

    /**
     * Whether the start-up may have left deferred revisions for {@link #runDeferred()} to run once the application is
     * ready, told without the database: {@code samokoder.migrations.deferred} is {@code after-ready}, the start-up ran
     * as the built-in upgrade to {@code heads}, succeeded, was not answered by the fast start (which means every head,
     * deferred ones included, was applied), and some revision is deferred.
     */
    boolean mayRunDeferred() {
        MigrationsReport.LastRun startup = this.lastRun;
        return this.runsDeferredWhenReady && startup != null && startup.outcome() == MigrationsReport.Outcome.SUCCESS
                && !this.startupFast && this.migrations.scripts().stream().anyMatch(RevisionScript::deferred);
    }

    /**
     * The report, with the version rows read again (one query). When they changed, for example
     * because another instance migrated, the revision data is read again too. When the database
     * cannot be read, the last known report comes back marked stale.
     *
     * @throws IllegalStateException before {@link #afterPropertiesSet()} ran
     */
    public MigrationsReport report() {
        if (this.report == null) {
            return lastReport(); // first request: read just now
        }
        MigrationsReport last = lastReport();
        List<String> rows;
        try {
            rows = this.migrations.current();
        }
        catch (RuntimeException ex) {
            return remember(last.withStale(ReportReader.describe(ex)));
        }
        // A report without history (the database was down when it was first asked for) is read in full, and so is
        // one taken before the deferred revisions' run started or ended.
        if (new HashSet<>(rows).equals(new HashSet<>(last.current())) && rows.size() == last.current().size()
                && !last.history().isEmpty() && sameRun(last.deferredRun(), deferredRun())) {
            return remember(last.fresh());
        }
        synchronized (this.refreshLock) {
            try {
                return remember(capture(last.lastRun()));
            }
            catch (RuntimeException ex) {
                return remember(last.withStale(ReportReader.describe(ex)));
            }
        }
    }

    /**
     * The report for a health check. Until the full report is first read, and with the target {@code heads}, it
     * asks the fast start's one query ({@link Migrations#verifiedHeads()}): when the database is still at the heads
     * where a run (this start-up's, or one it found) verified these very scripts, with nothing logged since,
     * nothing is pending, drifted, left part-way or due, so the check reads neither the scripts nor the log (on a
     * long history the full report's first read takes about a second, a readiness probe's whole default timeout).
     * Such a report lists no history and no repeatable scripts, and is not kept. Otherwise {@link #report()}.
     */
    MigrationsReport healthReport() {
        if (this.report != null || !"heads".equals(this.target)) {
            return report();
        }
        MigrationsReport.LastRun run = lastRun();
        List<String> rows;
        try {
            rows = this.migrations.verifiedHeads().orElse(null);
        }
        catch (RuntimeException ex) {
            // As the full report's first read would have ended, without asking the database a second time.
            synchronized (this.refreshLock) {
                if (this.report == null) {
                    this.report = this.reader.unread(run, this.startupRows, ex);
                }
                return this.report;
            }
        }
        if (rows == null) {
            return report();
        }
        return new MigrationsReport(this.mode, this.target, rows, rows, List.of(), List.of(), run, Instant.now(),
                false, null, List.of(), List.of(), deferredRun(), List.of(), List.of());
    }

    /**
     * The report as it was last captured. Only the first call after start-up touches the database:
     * it reads the status and history once (the start-up run does not, to keep start-up short).
     *
     * @throws IllegalStateException before {@link #afterPropertiesSet()} ran
     */
    public MigrationsReport lastReport() {
        MigrationsReport last = this.report;
        if (last != null) {
            return last;
        }
        MigrationsReport.LastRun run = lastRun();
        synchronized (this.refreshLock) {
            last = this.report;
            if (last == null) {
                last = captureAfterFailure(run);
                this.report = last;
            }
            return last;
        }
    }

    /**
     * How the start-up run went, without touching the database.
     *
     * @throws IllegalStateException before {@link #afterPropertiesSet()} ran
     */
    MigrationsReport.LastRun lastRun() {
        MigrationsReport.LastRun run = this.lastRun;
        if (run == null) {
            throw new IllegalStateException("Migrations have not run yet");
        }
        return run;
    }

    private MigrationsReport remember(MigrationsReport report) {
        this.report = report;
        return report;
    }

    private MigrationsReport capture(MigrationsReport.LastRun lastRun) {
        // Taken before the status: a report never pairs a finished deferred run with rows read before it ended.
        return this.reader.read(lastRun, deferredRun());
    }

    private MigrationsReport captureAfterFailure(MigrationsReport.LastRun lastRun) {
        return this.reader.readOrUnread(lastRun, deferredRun(), this.startupRows);
    }

    @Override
    public int getOrder() {
        return this.order;
    }

    /** Sets the order among several initializers. */
    public void setOrder(int order) {
        this.order = order;
    }
}
