package io.samokoder.migrations.maven;

import io.samokoder.migrations.cli.command.MigrationCommand;
import io.samokoder.migrations.cli.command.RepairCommand;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * {@code repair}: records the scripts of applied revisions that changed since they ran as what ran (the log takes
 * their checksums, a repair row keeps the old ones); runs nothing.
 */
@Mojo(name = "repair", threadSafe = true,
        requiresDependencyResolution = ResolutionScope.COMPILE_PLUS_RUNTIME)
public class RepairMojo extends AbstractFormattedMojo {

    /** Comma-separated applied revisions whose scripts changed. Required. */
    @Parameter(property = "samokoder.revisions")
    private String revisions;

    @Override
    MigrationCommand command() throws MojoFailureException {
        return new RepairCommand(words(required(this.revisions, "samokoder.revisions", "ae1027a6acf0")));
    }
}
