package io.samokoder.migrations.maven;

import io.samokoder.migrations.cli.command.GraphCommand;
import io.samokoder.migrations.cli.command.MigrationCommand;
import java.util.Locale;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/** {@code graph}: the revision graph as Mermaid or Graphviz source. */
@Mojo(name = "graph", threadSafe = true,
        requiresDependencyResolution = ResolutionScope.COMPILE_PLUS_RUNTIME)
public class GraphMojo extends AbstractMigrationsMojo {

    /** {@code mermaid} (default) or {@code dot}. */
    @Parameter(property = "samokoder.format", defaultValue = "mermaid")
    private String format;

    /** Also mark the revisions the database has (reads the database). */
    @Parameter(property = "samokoder.applied", defaultValue = "false")
    private boolean applied;

    @Override
    MigrationCommand command() throws MojoFailureException {
        GraphCommand.Style style;
        try {
            style = GraphCommand.Style.valueOf(this.format.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new MojoFailureException("samokoder.format of graph must be mermaid or dot, not '" + this.format + "'");
        }
        return new GraphCommand(style, this.applied);
    }
}
