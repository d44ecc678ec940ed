package io.samokoder.migrations.autoconfigure;

import io.samokoder.migrations.MigrationException;
import io.samokoder.migrations.MigrationStatus;
import io.samokoder.migrations.Migrations;
import io.samokoder.migrations.PartialAttempt;
import io.samokoder.migrations.RevisionInfo;
import io.samokoder.migrations.graph.RevisionException;
import io.samokoder.migrations.script.RepeatableScript;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.jspecify.annotations.Nullable;

/**
 * Reads a {@link MigrationsReport} from the database for a {@link MigrationsInitializer}: the status and history in
 * one read, the pending revisions split into those the start-up runs, the deferred ones and the contract ones it
 * holds, and, when the database cannot be read, the stale report with the start-up run's rows.
 */
final class ReportReader {

    private final Migrations migrations;
    private final MigrationsProperties.Mode mode;
    private final String target;
    private final boolean separatesDeferred;
    /** Whether the application holds contract revisions now (not after a start on a new database). */
    private final BooleanSupplier holdsContract;

    ReportReader(Migrations migrations, MigrationsProperties.Mode mode, String target, boolean separatesDeferred,
            BooleanSupplier holdsContract) {
        this.migrations = migrations;
        this.mode = mode;
        this.target = target;
        this.separatesDeferred = separatesDeferred;
        this.holdsContract = holdsContract;
    }

    /**
     * The report as the database has it now.
     *
     * @param deferredRun the deferred revisions' run, taken before the status: a report never pairs a finished run
     *     with rows read before it ended
     */
    MigrationsReport read(MigrationsReport.LastRun lastRun, MigrationsReport.@Nullable LastRun deferredRun) {
        MigrationStatus status = this.migrations.status(this.target);
        // Every revision, heads first, read with the status: one read of the rows and the log, not two.
        List<RevisionInfo> history = status.revisions();
        List<String> contract = this.holdsContract.getAsBoolean()
                ? this.migrations.heldContract(status.current(), status.pending()) : List.of();
        List<String> pending = new ArrayList<>();
        List<String> deferred = new ArrayList<>();
        for (String id : status.pending()) {
            if (!contract.contains(id)) {
                (this.separatesDeferred && this.migrations.isDeferred(id) ? deferred : pending).add(id);
            }
        }
        List<String> repeatables = this.migrations.repeatables().stream().map(RepeatableScript::name).toList();
        // Rows of a newer build (allow-newer-revisions; without it the status refused them). Its repeatable scripts
        // stand: none of ours is due.
        List<String> newer = ModeStrategies.unknownRows(this.migrations, status.current());
        List<String> pendingRepeatables = repeatables.isEmpty() || !newer.isEmpty() ? List.of()
                : this.migrations.pendingRepeatables();
        return new MigrationsReport(this.mode, this.target, status.current(), status.heads(), pending, history,
                lastRun, Instant.now(), false, null, status.partial().stream().map(PartialAttempt::revision).toList(),
                deferred, deferredRun, repeatables, pendingRepeatables, newer, contract);
    }

    /** {@link #read}, or where the database cannot be read, {@link #unread}. */
    MigrationsReport readOrUnread(MigrationsReport.LastRun lastRun, MigrationsReport.@Nullable LastRun deferredRun,
            @Nullable List<String> startupRows) {
        try {
            return read(lastRun, deferredRun);
        }
        catch (RuntimeException ex) {
            return unread(lastRun, startupRows, ex);
        }
    }

    /**
     * The report when the database could not be read since the start: stale, with the start-up run's rows.
     *
     * @param startupRows the rows the start-up run left, or {@code null} when it did not run
     */
    MigrationsReport unread(MigrationsReport.LastRun lastRun, @Nullable List<String> startupRows,
            RuntimeException ex) {
        List<String> heads;
        try {
            heads = this.migrations.heads();
        }
        catch (RuntimeException graphError) {
            heads = List.of();
        }
        // The start-up run's rows, when it ran: it reached its target, so nothing was pending then.
        List<String> rows = (startupRows != null) ? startupRows : List.of();
        return new MigrationsReport(this.mode, this.target, rows, heads, List.of(), List.of(), lastRun,
                Instant.now(), true, describe(ex));
    }

    /** A reason for a stale report that names no host, user or password. */
    static @Nullable String describe(Throwable ex) {
        for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql) {
                return "database unavailable (SQLSTATE " + sql.getSQLState() + ")";
            }
        }
        if (ex instanceof RevisionException || ex instanceof MigrationException) {
            return ex.getMessage();
        }
        return "database unavailable (" + ex.getClass().getSimpleName() + ")";
    }
}
