package io.samokoder.migrations.autoconfigure;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.samokoder.migrations.MigrationException;
import io.samokoder.migrations.MigrationListener;
import io.samokoder.migrations.MigrationResult;
import io.samokoder.migrations.PlannedStep;
import io.samokoder.migrations.StepResult;
import io.samokoder.migrations.plan.Step;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;

/**
 * Micrometer Observations around the start-up run ({@value #RUN}) and around each step
 * ({@value #STEP}, a child of the run; one per step, its lock-timeout retries included). A step that
 * does not commit, because it failed or was rolled back with the step that failed, ends with the
 * run's error. The registry is looked up only when a run starts.
 */
final class MigrationsObservations implements RunObserver, MigrationListener {

    static final String RUN = "samokoder.migrations";

    static final String STEP = "samokoder.migrations.revision";

    static final String REPEATABLE = "samokoder.migrations.repeatable";

    private final ObjectProvider<ObservationRegistry> registry;

    /**
     * The steps started and not yet finished on this thread, in start order: several when one
     * transaction holds several revisions (they commit together), some with the same direction and
     * revision (a stamp to base has a step per branch, each with no revision).
     */
    private final ThreadLocal<@Nullable List<OpenStep>> openSteps = new ThreadLocal<>();

    /** The repeatable script started and not yet finished on this thread, if any. */
    private final ThreadLocal<@Nullable Observation> openRepeatable = new ThreadLocal<>();

    MigrationsObservations(ObjectProvider<ObservationRegistry> registry) {
        this.registry = registry;
    }

    private ObservationRegistry registry() {
        return this.registry.getIfAvailable(() -> ObservationRegistry.NOOP);
    }

    @Override
    public @Nullable MigrationResult observe(MigrationsProperties.Mode mode, String target,
            Supplier<@Nullable MigrationResult> run) {
        Observation observation = Observation.createNotStarted(RUN, registry())
            .contextualName("migrations " + mode.name().toLowerCase(Locale.ROOT))
            .lowCardinalityKeyValue("mode", mode.name().toLowerCase(Locale.ROOT))
            .highCardinalityKeyValue("target", target);
        return observation.observe(() -> {
            try {
                return run.get();
            }
            finally {
                // Steps left open by a run that ended with an Error, which no listener call reports.
                stopOpenSteps(null);
            }
        });
    }

    @Override
    public void stepStarting(PlannedStep step) {
        ObservationRegistry registry = registry();
        Observation observation = Observation.createNotStarted(STEP, registry)
            .contextualName(step.direction().name().toLowerCase(Locale.ROOT) + " " + step.revision())
            .lowCardinalityKeyValue("direction", step.direction().name().toLowerCase(Locale.ROOT))
            .highCardinalityKeyValue("revision", String.valueOf(step.revision()))
            .parentObservation(registry.getCurrentObservation())
            .start();
        List<OpenStep> open = this.openSteps.get();
        if (open == null) {
            open = new ArrayList<>();
            this.openSteps.set(open);
        }
        open.add(new OpenStep(step.direction(), step.revision(), observation));
    }

    @Override
    public void stepFinished(StepResult result) {
        Observation observation = take(result.direction(), result.revision());
        if (observation != null) {
            observation.stop();
        }
    }

    @Override
    public void stepFailed(PlannedStep step, MigrationException error) {
        Observation observation = take(step.direction(), step.revision());
        if (observation != null) {
            observation.error(error);
            observation.stop();
        }
    }

    @Override
    public void repeatableStarting(String file) {
        ObservationRegistry registry = registry();
        this.openRepeatable.set(Observation.createNotStarted(REPEATABLE, registry)
            .contextualName("repeatable " + file.substring(file.lastIndexOf('/') + 1))
            .highCardinalityKeyValue("file", file)
            .parentObservation(registry.getCurrentObservation())
            .start());
    }

    @Override
    public void repeatableFinished(String file, Duration duration) {
        Observation observation = this.openRepeatable.get();
        this.openRepeatable.remove();
        if (observation != null) {
            observation.stop();
        }
    }

    @Override
    public void runFinished(MigrationResult result) {
        stopOpenSteps(null);
    }

    /** Stops the steps rolled back with the failed one (one transaction for several revisions). */
    @Override
    public void runFailed(MigrationException error) {
        stopOpenSteps(error);
    }

    /** The first open step of that direction and revision, no longer open. */
    private @Nullable Observation take(Step.Kind direction, @Nullable String revision) {
        List<OpenStep> open = this.openSteps.get();
        if (open != null) {
            for (int i = 0; i < open.size(); i++) {
                OpenStep step = open.get(i);
                if (step.direction() == direction && Objects.equals(step.revision(), revision)) {
                    return open.remove(i).observation();
                }
            }
        }
        return null;
    }

    private void stopOpenSteps(@Nullable MigrationException error) {
        Observation repeatable = this.openRepeatable.get();
        this.openRepeatable.remove();
        if (repeatable != null) {
            if (error != null) {
                repeatable.error(error);
            }
            repeatable.stop();
        }
        List<OpenStep> open = this.openSteps.get();
        this.openSteps.remove();
        if (open == null) {
            return;
        }
        for (OpenStep step : open) {
            if (error != null) {
                step.observation().error(error);
            }
            step.observation().stop();
        }
    }

    /** A started step's observation, with its direction and revision (none for a step to base). */
    private record OpenStep(Step.Kind direction, @Nullable String revision, Observation observation) {
    }
}
