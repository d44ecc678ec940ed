package io.samokoder.migrations.maven;

import io.samokoder.migrations.cli.command.MigrationCommand;
import io.samokoder.migrations.cli.command.RevisionCommand;
import io.samokoder.migrations.cli.command.Workspace;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * {@code revision}: writes a new revision script on the single head (into
 * {@code src/main/resources/db/migrations} by default), or with {@code -Dsamokoder.java
 * -Dsamokoder.package=P} a Java revision under the project's Java sources; reads no database. With
 * {@code -Dsamokoder.autogenerate} its upgrade and downgrade are the operations that make the database (at the
 * heads) match the project's JPA entities, compiled into {@code target/classes}.
 */
@Mojo(name = "revision", threadSafe = true,
        requiresDependencyResolution = ResolutionScope.COMPILE_PLUS_RUNTIME)
public class RevisionMojo extends AbstractNewScriptMojo {

    /** The revision to build on: default {@code head}; {@code base} starts a new root. */
    @Parameter(property = "samokoder.head")
    private String head;

    /** Allow a non-head revision as {@code samokoder.head} (a new branch). */
    @Parameter(property = "samokoder.splice", defaultValue = "false")
    private boolean splice;

    /** Comma-separated revisions or labels the new revision depends on. */
    @Parameter(property = "samokoder.dependsOn")
    private String dependsOn;

    /** The directory to write to; default: the first {@code filesystem:} location. */
    @Parameter(property = "samokoder.versionPath")
    private File versionPath;

    /** Write a Java revision (a class calling {@code op.*}) instead of an SQL script. */
    @Parameter(property = "samokoder.java", defaultValue = "false")
    private boolean java;

    /**
     * The Java revision's package; it is written to the package's directory under the project's
     * Java sources unless {@code samokoder.versionPath} is given.
     */
    @Parameter(property = "samokoder.package")
    private String javaPackage;

    /**
     * Compare the project's JPA entities with the database and write the operations that make it match
     * (Alembic's {@code --autogenerate}); compile the project first, e.g. {@code mvn compile
     * samokoder-migrations:revision -Dsamokoder.autogenerate -Dsamokoder.message="add notes"}.
     */
    @Parameter(property = "samokoder.autogenerate", defaultValue = "false")
    private boolean autogenerate;

    /** With {@code samokoder.autogenerate}: write the revision even when nothing differs. */
    @Parameter(property = "samokoder.allowEmpty", defaultValue = "false")
    private boolean allowEmpty;

    /**
     * Comma-separated packages of the JPA entities (with their sub-packages); default: the packages of
     * {@code target/classes} that hold {@code @Entity}, {@code @Embeddable}, {@code @MappedSuperclass} or
     * {@code @Converter} classes.
     */
    @Parameter(property = "samokoder.entityPackages")
    private String entityPackages;

    /** Comma-separated tables (names or patterns with {@code *} and {@code ?}) autogenerate leaves alone. */
    @Parameter(property = "samokoder.excludeTables")
    private String excludeTables;

    /** Whether column defaults are compared; default: the configuration file's, else true. */
    @Parameter(property = "samokoder.compareServerDefaults")
    private Boolean compareServerDefaults;

    /** Whether tables of no entity are dropped; default: the configuration file's, else false (left alone). */
    @Parameter(property = "samokoder.dropUnmappedTables")
    private Boolean dropUnmappedTables;

    /** The project's main Java source directory. */
    @Parameter(defaultValue = "${project.build.sourceDirectory}", readonly = true, required = true)
    private File sourceDirectory;

    /** The first revision of a module needs no {@code init}: the scripts directory is created. */
    @Override
    void prepare(Workspace workspace) throws MojoExecutionException {
        if (this.java || this.versionPath != null || workspace.versionLocations().isEmpty()) {
            return;
        }
        Path directory = workspace.versionLocations().get(0);
        if (!Files.isDirectory(directory)) {
            try {
                Files.createDirectories(directory);
            } catch (IOException e) {
                throw new MojoExecutionException("Cannot create " + directory + ": " + e.getMessage(), e);
            }
            getLog().info("Creating directory " + directory + " ...  done");
        }
    }

    @Override
    ModelOptions modelOptions() {
        if (!this.autogenerate) {
            return null;
        }
        return new ModelOptions(words(this.entityPackages),
                words(this.excludeTables), this.compareServerDefaults, this.dropUnmappedTables);
    }

    @Override
    MigrationCommand command() throws MojoFailureException {
        Path directory = this.versionPath == null ? null : this.versionPath.toPath();
        if (this.java && directory == null && this.javaPackage != null) {
            directory = this.sourceDirectory.toPath().resolve(this.javaPackage.replace('.', '/'));
        }
        if (this.allowEmpty && !this.autogenerate) {
            throw new MojoFailureException("samokoder.allowEmpty is for autogenerated revisions: add"
                    + " -Dsamokoder.autogenerate");
        }
        // The comparison's options reach the command through the workspace (modelOptions).
        RevisionCommand.Autogenerate autogenerated = this.autogenerate
                ? new RevisionCommand.Autogenerate(this.allowEmpty, List.of(), false) : null;
        return new RevisionCommand(message("\"add users\""), this.head, this.splice, branchLabels(),
                words(this.dependsOn), revId(), directory, this.java, this.javaPackage, false, autogenerated,
                contract());
    }
}
