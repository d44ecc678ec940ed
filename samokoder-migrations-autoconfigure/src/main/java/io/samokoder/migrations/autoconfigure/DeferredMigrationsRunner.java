package io.samokoder.migrations.autoconfigure;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;

/**
 * Runs the deferred revisions ({@code Deferred: true}) that the start-up left, once the application is ready: on a
 * thread of its own per migrations bean, so that a long index build or backfill does not hold the start. The run
 * holds contract revisions as the start-up does ({@code samokoder.migrations.contract=hold}) and takes the migration
 * lock as any other; a start of another instance meanwhile does not wait for it (its revisions
 * are all applied). A failure is logged and reported by the endpoint and the health details
 * ({@code deferredRun: FAILED}); it takes no instance out of readiness. Only an initializer whose
 * {@code samokoder.migrations.deferred} is {@code after-ready} runs them
 * ({@link MigrationsInitializer#mayRunDeferred()}); with {@code manual} or {@code at-start} nothing runs.
 */
final class DeferredMigrationsRunner implements ApplicationListener<ApplicationReadyEvent> {

    private static final Log logger = LogFactory.getLog(DeferredMigrationsRunner.class);

    private final ObjectProvider<MigrationsInitializer> initializers;

    DeferredMigrationsRunner(ObjectProvider<MigrationsInitializer> initializers) {
        this.initializers = initializers;
    }

    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        this.initializers.orderedStream().filter(MigrationsInitializer::mayRunDeferred).forEach((initializer) -> {
            Thread thread = new Thread(() -> run(initializer), "samokoder-deferred-migrations");
            thread.setDaemon(false);
            thread.start();
        });
    }

    private static void run(MigrationsInitializer initializer) {
        try {
            initializer.runDeferred();
        }
        catch (RuntimeException ex) {
            logger.error("Deferred revisions failed after start-up; the application goes on without them: "
                    + ex.getMessage());
        }
    }
}
