package io.samokoder.migrations.maven;

import io.samokoder.migrations.cli.command.CheckCommand;
import io.samokoder.migrations.cli.command.MigrationCommand;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;

/** {@code check}, for CI: fails the build when there are several heads, unknown version rows, changed applied scripts or pending revisions, saying how to fix it. */
@Mojo(name = "check", threadSafe = true)
public class CheckMojo extends AbstractFormattedMojo {

    @Override
    MigrationCommand command() throws MojoFailureException {
        return new CheckCommand();
    }
}
