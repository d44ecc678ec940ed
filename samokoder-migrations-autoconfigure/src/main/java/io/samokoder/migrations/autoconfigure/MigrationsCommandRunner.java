package io.samokoder.migrations.autoconfigure;

import io.samokoder.migrations.Migrations;
import io.samokoder.migrations.cli.CommandMode;
import io.samokoder.migrations.cli.command.AutogenerateSettings;
import io.samokoder.migrations.schema.ModelSource;
import java.io.PrintStream;
import java.util.function.IntConsumer;
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

    private final String command;

    private final PrintStream out;

    private final PrintStream err;

    private final IntConsumer exit;

    MigrationsCommandRunner(String command, PrintStream out, PrintStream err, IntConsumer exit) {
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
        ModelSource model = context.getBeanProvider(ModelSource.class).getIfAvailable();
        MigrationsProperties.Autogenerate properties = context.getBeanProvider(MigrationsProperties.class)
            .getIfAvailable(MigrationsProperties::new).getAutogenerate();
        AutogenerateSettings autogenerate = new AutogenerateSettings(properties.getExcludeTables(),
                properties.isCompareServerDefaults(), properties.isDropUnmappedTables());
        int status = CommandMode.run(migrations, model, autogenerate, this.command, this.out, this.err);
        this.out.flush();
        this.err.flush();
        ExitCodeGenerator code = () -> status;
        this.exit.accept(SpringApplication.exit(event.getApplicationContext(), code));
    }
}
