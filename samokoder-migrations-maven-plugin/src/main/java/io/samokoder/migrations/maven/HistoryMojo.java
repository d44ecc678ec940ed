package io.samokoder.migrations.maven;

import io.samokoder.migrations.cli.command.HistoryCommand;
import io.samokoder.migrations.cli.command.MigrationCommand;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/** {@code history}: the revisions, heads first; reads the database only for {@code samokoder.indicateCurrent} or a range with {@code current}. */
@Mojo(name = "history", threadSafe = true,
        requiresDependencyResolution = ResolutionScope.COMPILE_PLUS_RUNTIME)
public class HistoryMojo extends AbstractFormattedMojo {

    /** {@code [start]:[end]}; either may be {@code current}. Default: all. */
    @Parameter(property = "samokoder.range")
    private String range;

    /** The verbose block of each revision. */
    @Parameter(property = "samokoder.verbose", defaultValue = "false")
    private boolean verbose;

    /** Mark the current revisions (reads the database). */
    @Parameter(property = "samokoder.indicateCurrent", defaultValue = "false")
    private boolean indicateCurrent;

    @Override
    MigrationCommand command() throws MojoFailureException {
        return new HistoryCommand(this.range == null || this.range.isBlank() ? null : this.range, this.verbose,
                this.indicateCurrent);
    }
}
