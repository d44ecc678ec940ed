package io.samokoder.migrations.maven;

import io.samokoder.migrations.cli.command.MergeCommand;
import io.samokoder.migrations.cli.command.MigrationCommand;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * {@code merge}: writes a merge revision of the given revisions (default {@code heads}: all heads); reads no database.
 */
@Mojo(name = "merge", threadSafe = true,
        requiresDependencyResolution = ResolutionScope.COMPILE_PLUS_RUNTIME)
public class MergeMojo extends AbstractNewScriptMojo {

    /** Comma-separated revisions to merge; {@code heads} means all real heads. */
    @Parameter(property = "samokoder.revisions", defaultValue = "heads")
    private String revisions;

    @Override
    MigrationCommand command() throws MojoFailureException {
        return new MergeCommand(words(this.revisions), message("\"merge heads\""),
                branchLabels(), revId(), contract());
    }
}
