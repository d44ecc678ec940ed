package io.samokoder.migrations.autoconfigure;

import io.samokoder.migrations.ChecksumStatus;
import io.samokoder.migrations.RevisionInfo;
import io.samokoder.migrations.StepResult;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What one migrations bean knows about its database: captured at start-up, its version rows
 * refreshed by one query when asked. Holds no URL, user or password.
 *
 * @param mode what start-up did
 * @param target the target revision spec
 * @param current the version rows
 * @param heads the heads of the revision map
 * @param pending revisions an upgrade to the target would run, in order
 * @param history every revision, heads first, with its applied state and checksum status
 * @param lastRun the start-up run
 * @param capturedAt when the revision data was read
 * @param stale whether the database could not be read at the last refresh, so this is the last known state
 * @param staleReason why the database could not be read, or {@code null}
 * @param partial the revisions left part-way by a run on a database without transactional DDL, as read when
 *     the report was captured (the version rows do not show them)
 * @param deferred deferred revisions that the start-up left and that are not applied yet, in order (not in
 *     {@code pending}: they keep no instance out of readiness)
 * @param deferredRun the run of the deferred revisions after the application became ready (while it runs, with the
 *     steps finished so far), or {@code null}
 * @param repeatables the repeatable scripts' file names, in the order a run applies them
 * @param pendingRepeatables those an upgrade to the heads would apply, as read when the report was captured
 * @param newer version rows that no loaded script declares, left by a newer build that migrated the database
 *     ({@code samokoder.migrations.allow-newer-revisions}); the rest of the report reads the database as at this
 *     build's revisions beneath them
 * @param contract contract revisions ({@code Phase: contract}) held for an explicit {@code upgrade heads}
 *     ({@code samokoder.migrations.contract=hold}) and not applied yet, in order, as read when the report was
 *     captured (not in {@code pending}: they keep no instance out of readiness)
 */
public record MigrationsReport(MigrationsProperties.Mode mode, String target, List<String> current,
        List<String> heads, List<String> pending, List<RevisionInfo> history, LastRun lastRun, Instant capturedAt,
        boolean stale, @Nullable String staleReason, List<String> partial, List<String> deferred,
        @Nullable LastRun deferredRun, List<String> repeatables, List<String> pendingRepeatables,
        List<String> newer, List<String> contract) {

    public MigrationsReport {
        contract = List.copyOf(contract);
        newer = List.copyOf(newer);
        repeatables = List.copyOf(repeatables);
        pendingRepeatables = List.copyOf(pendingRepeatables);
        current = List.copyOf(current);
        heads = List.copyOf(heads);
        pending = List.copyOf(pending);
        history = List.copyOf(history);
        partial = List.copyOf(partial);
        deferred = List.copyOf(deferred);
    }

    /** A report without held contract revisions. */
    public MigrationsReport(MigrationsProperties.Mode mode, String target, List<String> current, List<String> heads,
            List<String> pending, List<RevisionInfo> history, LastRun lastRun, Instant capturedAt, boolean stale,
            @Nullable String staleReason, List<String> partial, List<String> deferred, @Nullable LastRun deferredRun,
            List<String> repeatables, List<String> pendingRepeatables, List<String> newer) {
        this(mode, target, current, heads, pending, history, lastRun, capturedAt, stale, staleReason, partial,
                deferred, deferredRun, repeatables, pendingRepeatables, newer, List.of());
    }

    /** A report without version rows of a newer build. */
    public MigrationsReport(MigrationsProperties.Mode mode, String target, List<String> current, List<String> heads,
            List<String> pending, List<RevisionInfo> history, LastRun lastRun, Instant capturedAt, boolean stale,
            @Nullable String staleReason, List<String> partial, List<String> deferred, @Nullable LastRun deferredRun,
            List<String> repeatables, List<String> pendingRepeatables) {
        this(mode, target, current, heads, pending, history, lastRun, capturedAt, stale, staleReason, partial,
                deferred, deferredRun, repeatables, pendingRepeatables, List.of());
    }

    /** A report without repeatable scripts. */
    public MigrationsReport(MigrationsProperties.Mode mode, String target, List<String> current, List<String> heads,
            List<String> pending, List<RevisionInfo> history, LastRun lastRun, Instant capturedAt, boolean stale,
            @Nullable String staleReason, List<String> partial, List<String> deferred, @Nullable LastRun deferredRun) {
        this(mode, target, current, heads, pending, history, lastRun, capturedAt, stale, staleReason, partial,
                deferred, deferredRun, List.of(), List.of());
    }

    /** A report without deferred revisions. */
    public MigrationsReport(MigrationsProperties.Mode mode, String target, List<String> current, List<String> heads,
            List<String> pending, List<RevisionInfo> history, LastRun lastRun, Instant capturedAt, boolean stale,
            @Nullable String staleReason, List<String> partial) {
        this(mode, target, current, heads, pending, history, lastRun, capturedAt, stale, staleReason, partial,
                List.of(), null);
    }

    /** A report without revisions left part-way. */
    public MigrationsReport(MigrationsProperties.Mode mode, String target, List<String> current, List<String> heads,
            List<String> pending, List<RevisionInfo> history, LastRun lastRun, Instant capturedAt, boolean stale,
            @Nullable String staleReason) {
        this(mode, target, current, heads, pending, history, lastRun, capturedAt, stale, staleReason, List.of());
    }

    /** Applied revisions whose script changed since they ran. */
    public List<String> drifted() {
        return this.history.stream()
            .filter((info) -> info.checksumStatus() == ChecksumStatus.CHANGED)
            .map(RevisionInfo::id)
            .toList();
    }

    /** How many revisions are applied. */
    public int appliedCount() {
        return (int) this.history.stream().filter(RevisionInfo::applied).count();
    }

    MigrationsReport withStale(@Nullable String reason) {
        return new MigrationsReport(this.mode, this.target, this.current, this.heads, this.pending, this.history,
                this.lastRun, this.capturedAt, true, reason, this.partial, this.deferred, this.deferredRun,
                this.repeatables, this.pendingRepeatables, this.newer, this.contract);
    }

    MigrationsReport fresh() {
        return this.stale ? new MigrationsReport(this.mode, this.target, this.current, this.heads, this.pending,
                this.history, this.lastRun, this.capturedAt, false, null, this.partial, this.deferred,
                this.deferredRun, this.repeatables, this.pendingRepeatables, this.newer, this.contract) : this;
    }

    /** How the start-up run ended. */
    public enum Outcome {
        /** Revisions were run, or the database was already at the target. */
        SUCCESS,
        /** Nothing was run: validate mode, mode none, or a strategy that changed nothing. */
        NOT_RUN,
        /** The run failed. */
        FAILED,
        /** The run is going on (the deferred revisions' run, after the application became ready). */
        RUNNING
    }

    /**
     * The start-up run.
     *
     * @param startedAt when it started
     * @param duration how long it took, lock wait included
     * @param lockWait how long it waited for the migration lock, or zero
     * @param outcome how it ended
     * @param command the command run ({@code UPGRADE}, {@code DOWNGRADE}, {@code STAMP}), or {@code null}
     * @param steps the revisions run, in order
     * @param failedRevision the revision that failed, or {@code null}
     * @param error the error message, or {@code null}
     * @param warnings what the run warned about: a planner's warning, or the newer revisions it left alone
     *     ({@code samokoder.migrations.allow-newer-revisions})
     */
    public record LastRun(Instant startedAt, Duration duration, Duration lockWait, Outcome outcome,
            @Nullable String command, List<StepResult> steps, @Nullable String failedRevision,
            @Nullable String error, List<String> warnings) {

        public LastRun {
            steps = List.copyOf(steps);
            warnings = List.copyOf(warnings);
        }

        /** A run without warnings. */
        public LastRun(Instant startedAt, Duration duration, Duration lockWait, Outcome outcome,
                @Nullable String command, List<StepResult> steps, @Nullable String failedRevision,
                @Nullable String error) {
            this(startedAt, duration, lockWait, outcome, command, steps, failedRevision, error, List.of());
        }
    }
}
