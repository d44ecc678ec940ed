package io.samokoder.migrations.autoconfigure;

import io.samokoder.migrations.Migrations;
import io.samokoder.migrations.cli.CommandMode;
import io.samokoder.migrations.cli.command.AutogenerateSettings;
import io.samokoder.migrations.dialect.Dialect;
import io.samokoder.migrations.schema.ModelSource;
import io.samokoder.migrations.schema.Schema;
import java.io.PrintStream;
import java.util.function.IntConsumer;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationListener;

/**
 * Command mode: once the context has started (before any runner, and with no web server), runs the
 * command of {@code samokoder.migrations.command} against the application's {@link Migrations} (and
 * its model, a {@link ModelSource} bean, for {@code revision --autogenerate} and {@code check}), closes
 * the context and ends the process with the command's exit status (0, 2 for a usage error,
 * 255 for a failure, as Alembic).
 */
final class MigrationsCommandRunner implements ApplicationListener<ApplicationStartedEvent> {

    private final @Nullable String command;

    private final PrintStream out;

    private final PrintStream err;

    private final IntConsumer exit;

    MigrationsCommandRunner(@Nullable String command, PrintStream out, PrintStream err, IntConsumer exit) {
        this.command = command;
        this.out = out;
        this.err = err;
        this.exit = exit;
    }

    @Override
    public void onApplicationEvent(ApplicationStartedEvent event) {
        if (this.command == null || this.command.isBlank()) {
            return;
        }
        ApplicationContext context = event.getApplicationContext();
        Migrations migrations = context.getBean(Migrations.class);
        ModelSource model = lazyModel(context);
        AutogenerateProperties properties = context.getBeanProvider(MigrationsProperties.class)
            .getIfAvailable(MigrationsProperties::new).getAutogenerate();
        AutogenerateSettings autogenerate = new AutogenerateSettings(properties.getExcludeTables(),
                properties.isCompareServerDefaults(), properties.isDropUnmappedTables());
        int status = CommandMode.run(migrations, model, autogenerate, this.command, this.out, this.err);
        this.out.flush();
        this.err.flush();
        ExitCodeGenerator code = () -> status;
        this.exit.accept(SpringApplication.exit(event.getApplicationContext(), code));
    }

    /**
     * The application's model, built only when a command compares with it ({@code check},
     * {@code revision --autogenerate}): building it builds the JPA EntityManagerFactory, which connects, and
     * the other commands ({@code history}, {@code --sql}, ...) need no database. {@code null} when the context
     * defines no model.
     */
    private static @Nullable ModelSource lazyModel(ApplicationContext context) {
        if (context.getBeanNamesForType(ModelSource.class, true, false).length == 0) {
            return null;
        }
        ObjectProvider<ModelSource> models = context.getBeanProvider(ModelSource.class);
        return new ModelSource() {

            @Override
            public Schema model(Dialect dialect) {
                return models.getObject().model(dialect);
            }

            @Override
            public Schema model(Dialect dialect, @Nullable String databaseVersion) {
                return models.getObject().model(dialect, databaseVersion);
            }
        };
    }
}
