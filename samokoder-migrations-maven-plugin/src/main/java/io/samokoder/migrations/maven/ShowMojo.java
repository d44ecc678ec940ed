package io.samokoder.migrations.maven;

import io.samokoder.migrations.cli.command.MigrationCommand;
import io.samokoder.migrations.cli.command.ShowCommand;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/** {@code show}: the revisions a spec names, in full. */
@Mojo(name = "show", threadSafe = true,
        requiresDependencyResolution = ResolutionScope.COMPILE_PLUS_RUNTIME)
public class ShowMojo extends AbstractFormattedMojo {

    /** A revision, prefix, label, {@code heads}, {@code label@head}, {@code -1}, {@code current}. Required. */
    @Parameter(property = "samokoder.revision")
    private String revision;

    @Override
    MigrationCommand command() throws MojoFailureException {
        return new ShowCommand(required(this.revision, "samokoder.revision", "heads"));
    }
}
