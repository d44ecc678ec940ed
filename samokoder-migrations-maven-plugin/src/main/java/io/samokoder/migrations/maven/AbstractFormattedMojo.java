package io.samokoder.migrations.maven;

import io.samokoder.migrations.cli.command.OutputFormat;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;

/** A goal whose command also writes JSON. */
public abstract class AbstractFormattedMojo extends AbstractMigrationsMojo {

    /** {@code text} (Alembic's) or {@code json} (one JSON document, as {@code --format json}). */
    @Parameter(property = "samokoder.format", defaultValue = "text")
    private String format;

    @Override
    OutputFormat outputFormat() throws MojoFailureException {
        return format(this.format);
    }
}
