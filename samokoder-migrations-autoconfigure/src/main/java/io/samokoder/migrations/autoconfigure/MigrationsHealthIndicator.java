package io.samokoder.migrations.autoconfigure;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

/**
 * Health of migrations: UP when the database is at the target, or lacks only deferred revisions or contract
 * revisions held for an explicit {@code upgrade heads} ({@code samokoder.migrations.contract=hold}, in validate mode
 * too); OUT_OF_SERVICE when revisions are pending (validate mode), or repeatable scripts are (validate mode with the
 * target {@code heads}, no deferred revision pending), an applied revision drifted or a revision was left part-way
 * (a database without transactional DDL); DOWN when the start-up run failed. With
 * {@code samokoder.migrations.mode=none} it is UP whatever the schema's state, which its details still show. One
 * query per check: until the report is first read, the fast start's own, which answers without the report while the
 * database is at the verified heads (see {@link MigrationsInitializer#healthReport()}); afterwards the version rows.
 */
final class MigrationsHealthIndicator extends AbstractHealthIndicator {

    private final Map<String, MigrationsInitializer> initializers;

    MigrationsHealthIndicator(Map<String, MigrationsInitializer> initializers) {
        super("Migrations health check failed");
        this.initializers = initializers;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        Status status = Status.UP;
        Map<String, Map<String, @Nullable Object>> beans = new LinkedHashMap<>();
        for (Map.Entry<String, MigrationsInitializer> entry : this.initializers.entrySet()) {
            MigrationsReport report = entry.getValue().healthReport();
            status = worse(status, statusOf(report));
            beans.put(entry.getKey(), details(report, this.initializers.size() > 1));
        }
        builder.status(status);
        if (beans.size() == 1) {
            builder.withDetails(beans.values().iterator().next());
        }
        else {
            builder.withDetails(beans);
        }
    }

    private static Map<String, @Nullable Object> details(MigrationsReport report, boolean withStatus) {
        Map<String, @Nullable Object> details = new LinkedHashMap<>();
        if (withStatus) {
            details.put("status", statusOf(report).getCode());
        }
        details.put("current", report.current());
        details.put("target", report.target());
        details.put("pending", report.pending());
        details.put("drifted", report.drifted());
        if (!report.partial().isEmpty()) {
            details.put("partial", report.partial());
        }
        if (!report.pendingRepeatables().isEmpty()) {
            details.put("pendingRepeatables", report.pendingRepeatables());
        }
        if (!report.newer().isEmpty()) {
            details.put("newer", report.newer());
        }
        details.put("lastRun", report.lastRun().outcome().name());
        if (!report.deferred().isEmpty() || report.deferredRun() != null) {
            details.put("deferred", report.deferred());
            if (report.deferredRun() != null) {
                details.put("deferredRun", report.deferredRun().outcome().name());
            }
        }
        if (!report.contract().isEmpty()) {
            details.put("contract", report.contract());
        }
        if (report.stale()) {
            details.put("stale", true);
            details.put("staleReason", report.staleReason());
        }
        return details;
    }

    static Status statusOf(MigrationsReport report) {
        if (report.lastRun().outcome() == MigrationsReport.Outcome.FAILED) {
            return Status.DOWN;
        }
        if (report.mode() == MigrationsProperties.Mode.NONE) {
            // The application was told to leave the schema alone: what is pending is reported, not acted on.
            return Status.UP;
        }
        if (!report.pending().isEmpty() || !report.drifted().isEmpty() || partialNeeded(report)) {
            return Status.OUT_OF_SERVICE;
        }
        // In validate mode nothing applies them, so the schema lags as it does for a pending revision. A start-up
        // that migrates applies them at the heads, or once deferred revisions ran: meanwhile they keep it UP.
        if (report.mode() == MigrationsProperties.Mode.VALIDATE && "heads".equals(report.target())
                && report.deferred().isEmpty() && !report.pendingRepeatables().isEmpty()) {
            return Status.OUT_OF_SERVICE;
        }
        return Status.UP;
    }

    /**
     * Whether a revision left part-way is one this build needs: not a held contract revision, whose step (the deploy
     * job's after the rollout) failed while the instances run on the schema before it.
     */
    private static boolean partialNeeded(MigrationsReport report) {
        for (String revision : report.partial()) {
            if (!report.contract().contains(revision)) {
                return true;
            }
        }
        return false;
    }

    private static Status worse(Status a, Status b) {
        return rank(b) > rank(a) ? b : a;
    }

    private static int rank(Status status) {
        if (Status.DOWN.equals(status)) {
            return 2;
        }
        return Status.OUT_OF_SERVICE.equals(status) ? 1 : 0;
    }
}
