package io.samokoder.migrations.autoconfigure;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.samokoder.migrations.MigrationException;
import io.samokoder.migrations.MigrationListener;
import io.samokoder.migrations.MigrationResult;
import io.samokoder.migrations.PlannedStep;
import io.samokoder.migrations.StepResult;
import java.util.Locale;
import java.util.function.Supplier;
import org.springframework.beans.factory.ObjectProvider;

/**
 * Micrometer Observations around the start-up run ({@value #RUN}) and around each step
 * ({@value #STEP}, a child of the run). The registry is looked up only when a run starts.
 */
final class MigrationsObservations implements RunObserver, MigrationListener {

    static final String RUN = "samokoder.migrations";

    static final String STEP = "samokoder.migrations.revision";

    private final ObjectProvider<ObservationRegistry> registry;

    private final ThreadLocal<Observation> currentStep = new ThreadLocal<>();

    MigrationsObservations(ObjectProvider<ObservationRegistry> registry) {
        this.registry = registry;
    }

    private ObservationRegistry registry() {
        return this.registry.getIfAvailable(() -> ObservationRegistry.NOOP);
    }

    @Override
    public MigrationResult observe(MigrationsProperties.Mode mode, String target, Supplier<MigrationResult> run) {
        Observation observation = Observation.createNotStarted(RUN, registry())
            .contextualName("migrations " + mode.name().toLowerCase(Locale.ROOT))
            .lowCardinalityKeyValue("mode", mode.name().toLowerCase(Locale.ROOT))
            .highCardinalityKeyValue("target", target);
        return observation.observe(run);
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
        this.currentStep.set(observation);
    }

    @Override
    public void stepFinished(StepResult result) {
        Observation observation = this.currentStep.get();
        if (observation != null) {
            this.currentStep.remove();
            observation.stop();
        }
    }

    @Override
    public void stepFailed(PlannedStep step, MigrationException error) {
        Observation observation = this.currentStep.get();
        if (observation != null) {
            this.currentStep.remove();
            observation.error(error);
            observation.stop();
        }
    }
}
