package io.samokoder.migrations.maven;

import io.samokoder.migrations.cli.command.LintCommand;
import io.samokoder.migrations.cli.command.MigrationCommand;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * {@code lint}: fails the build when revisions lock a table in use for as long as the table takes to scan,
 * rewrite, copy or index, or fail on a table with rows, saying how to do the same without; the revisions pending
 * on the database, or those of {@code samokoder.range} without a connection.
 */
@Mojo(name = "lint", threadSafe = true,
        requiresDependencyResolution = ResolutionScope.COMPILE_PLUS_RUNTIME)
public class LintMojo extends AbstractFormattedMojo {

    /** {@code [start]:[end]} as for {@code history} ({@code :} for all); default: those pending on the database. */
    @Parameter(property = "samokoder.range")
    private String range;

    /** Comma-separated rule ids to leave out. */
    @Parameter(property = "samokoder.ignore")
    private String ignore;

    @Override
    MigrationCommand command() {
        return new LintCommand(this.range == null || this.range.isBlank() ? null : this.range, words(this.ignore));
    }
}
