package io.samokoder.migrations.autoconfigure;

import io.samokoder.migrations.MigrationException;
import io.samokoder.migrations.RevisionInfo;
import io.samokoder.migrations.StepResult;
import io.samokoder.migrations.graph.Revision;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.actuate.endpoint.OperationResponseBody;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.context.ApplicationContext;

/**
 * The {@code migrations} actuator endpoint: for each application context and each migrations bean,
 * the version rows, heads, target, pending revisions, the start-up run and the revision history.
 * Served from the report captured at start-up plus one query of the version table per request; when
 * the database is down, the last known report marked stale. Read-only; it never shows a URL, user
 * or password.
 */
@Endpoint(id = "migrations")
public class MigrationsEndpoint {

    private final ApplicationContext context;

    /**
     * Creates the endpoint.
     *
     * @param context the application context whose migrations (and its parents') are reported
     */
    public MigrationsEndpoint(ApplicationContext context) {
        this.context = context;
    }

    /** Everything about every migrations bean. */
    @ReadOperation
    public MigrationsDescriptor migrations() {
        Map<String, ContextMigrationsDescriptor> contexts = new LinkedHashMap<>();
        for (ApplicationContext target = this.context; target != null; target = target.getParent()) {
            Map<String, MigrationsBeanDescriptor> beans = new LinkedHashMap<>();
            target.getBeansOfType(MigrationsInitializer.class, false, false)
                .forEach((name, initializer) -> beans.put(name, MigrationsBeanDescriptor.of(initializer.report())));
            ApplicationContext parent = target.getParent();
            contexts.put(target.getId(),
                    new ContextMigrationsDescriptor(beans, parent == null ? null : parent.getId()));
        }
        return new MigrationsDescriptor(contexts);
    }

    /**
     * One revision, given by any spec that names one revision (an id, a unique prefix, a branch label, ...),
     * from the first migrations bean that knows it.
     *
     * @param revision the revision spec
     * @return the revision, or {@code null} (404) when no migrations bean knows it
     */
    @ReadOperation
    public @Nullable RevisionResponse revision(@Selector String revision) {
        for (ApplicationContext target = this.context; target != null; target = target.getParent()) {
            for (Map.Entry<String, MigrationsInitializer> entry : target
                .getBeansOfType(MigrationsInitializer.class, false, false)
                .entrySet()) {
                MigrationsReport report = entry.getValue().report();
                String id = resolve(entry.getValue(), report, revision);
                if (id == null) {
                    continue;
                }
                for (RevisionInfo info : report.history()) {
                    if (info.id().equals(id)) {
                        return new RevisionResponse(target.getId(), entry.getKey(), report.stale(),
                                RevisionDescriptor.of(info));
                    }
                }
            }
        }
        return null;
    }

    /**
     * The id the spec names, resolved in the revision map (no database read: the revision's state comes from the
     * report), else an exact id or unique prefix among the report's revisions (of an id longer than three
     * characters, as Alembic's lookup), else {@code null}.
     */
    private static @Nullable String resolve(MigrationsInitializer initializer, MigrationsReport report, String spec) {
        try {
            List<Revision> found = initializer.getMigrations().revisionMap().getRevisions(spec);
            if (found.size() == 1) {
                return found.get(0).id();
            }
        }
        catch (MigrationException ex) {
            // Unknown or ambiguous here, or the scripts cannot be read: the report's revisions below.
        }
        List<String> matches = report.history()
            .stream()
            .map(RevisionInfo::id)
            .filter((id) -> id.equals(spec) || (id.length() > 3 && id.startsWith(spec)))
            .toList();
        return matches.size() == 1 ? matches.get(0) : null;
    }

    /**
     * The response of {@code GET /actuator/migrations}.
     *
     * @param contexts the application contexts by id
     */
    public record MigrationsDescriptor(Map<String, ContextMigrationsDescriptor> contexts)
            implements OperationResponseBody {
    }

    /**
     * The migrations beans of one application context.
     *
     * @param migrations the reports by bean name
     * @param parentId the parent context's id, or {@code null}
     */
    public record ContextMigrationsDescriptor(Map<String, MigrationsBeanDescriptor> migrations,
            @Nullable String parentId) {
    }

    /**
     * The report of one migrations bean.
     *
     * @param mode what start-up does: upgrade, validate or none
     * @param target the target revision spec
     * @param current the version rows
     * @param heads the heads of the revision map
     * @param pending the revisions an upgrade to the target would run, in order
     * @param stale whether the database could not be read just now, so this is the last known state
     * @param staleReason why, or {@code null}
     * @param capturedAt when the revision data was read
     * @param lastRun the start-up run
     * @param history every revision, heads first
     * @param partial the revisions left part-way (a database without transactional DDL), as last captured
     * @param deferred deferred revisions that the start-up left and that are not applied yet
     * @param deferredRun their run after the application became ready, or {@code null}
     * @param repeatables the repeatable scripts' file names, in the order a run applies them
     * @param pendingRepeatables those an upgrade to the heads would apply (new, changed, or applied before a
     *     downgrade)
     * @param newer version rows that no loaded script declares, left by a newer build
     *     ({@code samokoder.migrations.allow-newer-revisions})
     * @param contract contract revisions held for an explicit {@code upgrade heads} and not applied yet
     *     ({@code samokoder.migrations.contract=hold})
     */
    public record MigrationsBeanDescriptor(String mode, String target, List<String> current, List<String> heads,
            List<String> pending, boolean stale, @Nullable String staleReason, Instant capturedAt,
            LastRunDescriptor lastRun, List<RevisionDescriptor> history, List<String> partial, List<String> deferred,
            @Nullable LastRunDescriptor deferredRun, List<String> repeatables, List<String> pendingRepeatables,
            List<String> newer, List<String> contract) {

        static MigrationsBeanDescriptor of(MigrationsReport report) {
            return new MigrationsBeanDescriptor(report.mode().name().toLowerCase(java.util.Locale.ROOT),
                    report.target(), report.current(), report.heads(), report.pending(), report.stale(),
                    report.staleReason(), report.capturedAt(), LastRunDescriptor.of(report.lastRun()),
                    report.history().stream().map(RevisionDescriptor::of).toList(), report.partial(),
                    report.deferred(),
                    (report.deferredRun() != null) ? LastRunDescriptor.of(report.deferredRun()) : null,
                    report.repeatables(), report.pendingRepeatables(), report.newer(), report.contract());
        }
    }

    /**
     * The start-up run.
     *
     * @param startedAt when it started
     * @param durationMillis how long it took, lock wait included
     * @param lockWaitMillis how long it waited for the migration lock
     * @param outcome SUCCESS, NOT_RUN, FAILED, or RUNNING (the deferred revisions' run)
     * @param command UPGRADE, DOWNGRADE or STAMP, or {@code null} when nothing ran
     * @param steps the steps run, in order
     * @param failedRevision the revision that failed, or {@code null}
     * @param error the error, or {@code null}
     * @param warnings what the run warned about (see {@link MigrationsReport.LastRun#warnings()})
     */
    public record LastRunDescriptor(Instant startedAt, long durationMillis, long lockWaitMillis, String outcome,
            @Nullable String command, List<StepDescriptor> steps, @Nullable String failedRevision,
            @Nullable String error, List<String> warnings) {

        static LastRunDescriptor of(MigrationsReport.LastRun run) {
            return new LastRunDescriptor(run.startedAt(), run.duration().toMillis(), run.lockWait().toMillis(),
                    run.outcome().name(), run.command(), run.steps().stream().map(StepDescriptor::of).toList(),
                    run.failedRevision(), run.error(), run.warnings());
        }
    }

    /**
     * One step of the start-up run.
     *
     * @param direction UPGRADE, DOWNGRADE or STAMP
     * @param revision the revision
     * @param message its message
     * @param file its script
     * @param durationMillis how long it took
     * @param attempts how many times it was tried
     */
    public record StepDescriptor(String direction, @Nullable String revision, String message, String file,
            long durationMillis, int attempts) {

        static StepDescriptor of(StepResult step) {
            return new StepDescriptor(step.direction().name(), step.revision(), step.message(), step.file(),
                    step.duration().toMillis(), step.attempts());
        }
    }

    /**
     * One revision.
     *
     * @param id the revision id
     * @param revises its down revisions
     * @param branchLabels its branch labels
     * @param dependsOn its dependencies
     * @param message its message
     * @param file its script
     * @param head whether it is a head
     * @param branchPoint whether several revisions revise it
     * @param mergePoint whether it revises several revisions
     * @param applied whether the database has it
     * @param appliedAt when it was applied, if recorded
     * @param durationMillis how long it took, if recorded
     * @param checksumStatus MATCH, CHANGED, DOWNGRADE_CHANGED, REFORMATTED, NOT_RECORDED or NOT_APPLIED
     */
    public record RevisionDescriptor(String id, List<String> revises, List<String> branchLabels, List<String> dependsOn,
            String message, String file, boolean head, boolean branchPoint, boolean mergePoint, boolean applied,
            @Nullable Instant appliedAt, @Nullable Long durationMillis, @Nullable String checksumStatus) {

        static RevisionDescriptor of(RevisionInfo info) {
            return new RevisionDescriptor(info.id(), info.revises(), info.branchLabels(), info.dependsOn(),
                    info.message(), info.file(), info.head(), info.branchPoint(), info.mergePoint(), info.applied(),
                    info.appliedAt(), info.durationMillis(),
                    info.checksumStatus() == null ? null : info.checksumStatus().name());
        }
    }

    /**
     * The response of {@code GET /actuator/migrations/{revision}}.
     *
     * @param context the application context id
     * @param bean the migrations bean
     * @param stale whether the database could not be read just now
     * @param revision the revision
     */
    public record RevisionResponse(String context, String bean, boolean stale, RevisionDescriptor revision)
            implements OperationResponseBody {
    }
}
