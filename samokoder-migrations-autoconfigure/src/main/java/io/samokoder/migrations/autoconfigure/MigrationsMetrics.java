package io.samokoder.migrations.autoconfigure;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.samokoder.migrations.StepResult;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/**
 * Micrometer metrics of migrations, bound after start-up from each initializer's report:
 * <ul>
 * <li>timer {@value #RUN} (tags {@code name}, {@code outcome}): the start-up run;</li>
 * <li>timer {@value #STEP} (tags {@code name}, {@code direction}, {@code outcome}): each revision run;</li>
 * <li>timer {@value #LOCK_WAIT} (tag {@code name}): the wait for the migration lock;</li>
 * <li>gauges {@value #PENDING}, {@value #APPLIED}, {@value #DEFERRED} and {@value #CONTRACT} (tag {@code name}):
 * revisions pending for the target, applied, deferred revisions not applied yet, and contract revisions held and
 * not applied yet, as last read.</li>
 * </ul>
 */
final class MigrationsMetrics implements MeterBinder {

    static final String RUN = "samokoder.migrations.run";
    static final String STEP = "samokoder.migrations.step";
    static final String LOCK_WAIT = "samokoder.migrations.lock.wait";
    static final String PENDING = "samokoder.migrations.pending";
    static final String APPLIED = "samokoder.migrations.applied";
    static final String DEFERRED = "samokoder.migrations.deferred";
    static final String CONTRACT = "samokoder.migrations.contract";
    static final String REPEATABLES_PENDING = "samokoder.migrations.repeatables.pending";

    private final Map<String, MigrationsInitializer> initializers;

    MigrationsMetrics(Map<String, MigrationsInitializer> initializers) {
        this.initializers = initializers;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        this.initializers.forEach((name, initializer) -> bind(registry, name, initializer));
    }

    private static void bind(MeterRegistry registry, String name, MigrationsInitializer initializer) {
        MigrationsReport.LastRun run = initializer.lastRun();
        Tags tags = Tags.of("name", name);
        String outcome = run.outcome().name().toLowerCase(Locale.ROOT);
        Timer.builder(RUN)
            .description("Start-up migration run")
            .tags(tags)
            .tag("outcome", outcome)
            .register(registry)
            .record(run.duration());
        Timer.builder(LOCK_WAIT)
            .description("Wait for the migration lock")
            .tags(tags)
            .register(registry)
            .record(run.lockWait());
        for (StepResult step : run.steps()) {
            stepTimer(registry, tags, step.direction().name(), "success").record(step.duration());
        }
        if (run.failedRevision() != null) {
            stepTimer(registry, tags, "UPGRADE", "failure").record(Duration.ZERO);
        }
        Gauge.builder(PENDING, initializer, (it) -> known(it.lastReport(), it.lastReport().pending().size()))
            .description("Revisions pending for the target")
            .tags(tags)
            .register(registry);
        Gauge.builder(APPLIED, initializer, (it) -> known(it.lastReport(), it.lastReport().appliedCount()))
            .description("Revisions applied to the database")
            .tags(tags)
            .register(registry);
        Gauge.builder(DEFERRED, initializer, (it) -> known(it.lastReport(), it.lastReport().deferred().size()))
            .description("Deferred revisions not applied yet")
            .tags(tags)
            .register(registry);
        Gauge.builder(CONTRACT, initializer, (it) -> known(it.lastReport(), it.lastReport().contract().size()))
            .description("Contract revisions held for an explicit upgrade heads, not applied yet")
            .tags(tags)
            .register(registry);
        Gauge.builder(REPEATABLES_PENDING, initializer,
                (it) -> known(it.lastReport(), it.lastReport().pendingRepeatables().size()))
            .description("Repeatable scripts due: new, changed, or applied before a downgrade")
            .tags(tags)
            .register(registry);
    }

    /** The value, or NaN (no sample) while the database has not been read since the start. */
    private static double known(MigrationsReport report, int value) {
        return (report.stale() && report.history().isEmpty()) ? Double.NaN : value;
    }

    private static Timer stepTimer(MeterRegistry registry, Tags tags, String direction, String outcome) {
        return Timer.builder(STEP)
            .description("Revision steps run at start-up")
            .tags(tags)
            .tag("direction", direction.toLowerCase(Locale.ROOT))
            .tag("outcome", outcome)
            .register(registry);
    }
}
