package io.samokoder.migrations.maven;

import io.samokoder.migrations.cli.command.LogCommand;
import io.samokoder.migrations.cli.command.MigrationCommand;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * {@code log}: the log table's latest rows, newest first (steps, stamps, repairs, failed attempts, repeatable
 * scripts), as the CLI's {@code log -n N --offset K} prints them.
 */
@Mojo(name = "log", threadSafe = true, requiresDependencyResolution = ResolutionScope.COMPILE_PLUS_RUNTIME)
public class LogMojo extends AbstractFormattedMojo {

    /** How many rows at most. */
    @Parameter(property = "samokoder.limit", defaultValue = "20")
    private int limit;

    /** How many of the newest rows to pass over first (the next page). */
    @Parameter(property = "samokoder.offset", defaultValue = "0")
    private int offset;

    @Override
    MigrationCommand command() {
        return new LogCommand(this.limit, this.offset);
    }
}
