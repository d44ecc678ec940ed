package io.samokoder.migrations.maven;

import io.samokoder.migrations.cli.command.CheckCommand;
import io.samokoder.migrations.cli.command.MigrationCommand;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * {@code check}, for CI: fails the build when there are several heads, unknown version rows, changed applied
 * scripts or pending revisions, saying how to fix it; and, when the project has JPA entities (compiled into
 * {@code target/classes}, or named by {@code samokoder.entityPackages}), when they differ from the database
 * ("New upgrade operations detected: [...]").
 */
@Mojo(name = "check", threadSafe = true,
        requiresDependencyResolution = ResolutionScope.COMPILE_PLUS_RUNTIME)
public class CheckMojo extends AbstractFormattedMojo {

    /**
     * Comma-separated packages of the JPA entities (with their sub-packages); default: the packages of
     * {@code target/classes} that hold {@code @Entity}, {@code @Embeddable}, {@code @MappedSuperclass} or
     * {@code @Converter} classes. Without entities only the revisions are checked.
     */
    @Parameter(property = "samokoder.entityPackages")
    private String entityPackages;

    /** Comma-separated tables (names or patterns with {@code *} and {@code ?}) the comparison leaves alone. */
    @Parameter(property = "samokoder.excludeTables")
    private String excludeTables;

    /** Whether column defaults are compared; default: the configuration file's, else true. */
    @Parameter(property = "samokoder.compareServerDefaults")
    private Boolean compareServerDefaults;

    /** Whether tables of no entity count as differences; default: the configuration file's, else false. */
    @Parameter(property = "samokoder.dropUnmappedTables")
    private Boolean dropUnmappedTables;

    @Override
    MigrationCommand command() throws MojoFailureException {
        return new CheckCommand();
    }

    @Override
    ModelOptions modelOptions() {
        return new ModelOptions(words(this.entityPackages),
                words(this.excludeTables), this.compareServerDefaults, this.dropUnmappedTables);
    }
}
