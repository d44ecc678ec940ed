package io.samokoder.migrations.maven;

import io.samokoder.migrations.MigrationException;
import io.samokoder.migrations.cli.Workspaces;
import io.samokoder.migrations.cli.command.MigrationCommand;
import io.samokoder.migrations.cli.command.Output;
import io.samokoder.migrations.cli.command.OutputFormat;
import io.samokoder.migrations.cli.command.Workspace;
import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.sql.Driver;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * A goal that runs one command of the command layer ({@code io.samokoder.migrations.cli.command}) and
 * writes its text to the Maven log. The connection and the script locations come from the plugin
 * configuration ({@code -Dsamokoder.url=...}), else from the module's
 * {@code src/main/resources/application.properties} or {@code .yml} ({@code samokoder.migrations.*},
 * {@code spring.datasource.*}), else the defaults. A failed command fails the build with its message.
 */
public abstract class AbstractMigrationsMojo extends AbstractMojo {

    /** The engine's own progress lines duplicate the command's; shown only with {@code mvn -X}. */
    private static final String ENGINE_LOG_LEVEL = "org.slf4j.simpleLogger.log.io.samokoder.migrations";

    /** Hibernate's start-up lines while it maps the project's entities; shown only with {@code mvn -X}. */
    private static final String HIBERNATE_LOG_LEVEL = "org.slf4j.simpleLogger.log.org.hibernate";

    /** Hibernate logs through java.util.logging in Maven's class realms; held so the level stays set. */
    private static final Logger HIBERNATE_JUL = Logger.getLogger("org.hibernate");

    private static final String PASSWORD_PROPERTY = "samokoder.password";

    @Parameter(defaultValue = "${project.basedir}", readonly = true, required = true)
    private File basedir;

    /** JDBC URL of the database; default: {@code samokoder.migrations.url} or {@code spring.datasource.url} of the configuration file. */
    @Parameter(property = "samokoder.url")
    private String url;

    /** Database user; default: the configuration file's. */
    @Parameter(property = "samokoder.user")
    private String user;

    /**
     * Database password; default: the configuration file's. The plugin never prints it. Prefer
     * {@code -Dsamokoder.password=...} (read by the goal itself, so not even {@code mvn -X} shows it) or
     * the configuration file ({@code spring.datasource.password=${DB_PASSWORD}}): a value written here
     * is shown by Maven's own debug output, as any plugin configuration is.
     */
    @Parameter
    private String password;

    /**
     * Comma-separated script locations ({@code filesystem:DIR}, {@code classpath:PATH}, {@code DIR});
     * relative directories are in the module. Default: the configuration file's
     * {@code samokoder.migrations.locations}, else {@code filesystem:src/main/resources/db/migrations}.
     */
    @Parameter(property = "samokoder.locations")
    private String locations;

    /**
     * The Spring Boot configuration file to read {@code samokoder.migrations.*} and
     * {@code spring.datasource.*} from. Default: {@code src/main/resources/application.properties},
     * else {@code application.yml}, else {@code application.yaml}, when one exists.
     */
    @Parameter(property = "samokoder.configFile")
    private File configFile;

    /** Skip the goal. */
    @Parameter(property = "samokoder.skip", defaultValue = "false")
    private boolean skip;

    /** The command this goal runs, from its parameters. */
    abstract MigrationCommand command() throws MojoFailureException;

    /** The output format; text unless the goal has {@code samokoder.format}. */
    OutputFormat outputFormat() throws MojoFailureException {
        return OutputFormat.TEXT;
    }

    /**
     * What the command compares the project's entities with the database by, or {@code null} when it does not
     * compare ({@code revision -Dsamokoder.autogenerate} and {@code check} do).
     */
    ModelOptions modelOptions() throws MojoFailureException {
        return null;
    }

    /** Called before the command runs. */
    void prepare(Workspace workspace) throws MojoExecutionException {
        // Nothing by default.
    }

    @Override
    public final void execute() throws MojoExecutionException, MojoFailureException {
        if (this.skip) {
            getLog().info("Skipped (samokoder.skip)");
            return;
        }
        MigrationCommand command = command();
        OutputFormat format = outputFormat();
        if (!getLog().isDebugEnabled() && System.getProperty(ENGINE_LOG_LEVEL) == null) {
            // The goals' own log (named after the mojo class) stays at INFO.
            System.setProperty(ENGINE_LOG_LEVEL, "warn");
            System.setProperty(ENGINE_LOG_LEVEL + ".maven", "info");
        }
        if (!getLog().isDebugEnabled() && System.getProperty(HIBERNATE_LOG_LEVEL) == null) {
            System.setProperty(HIBERNATE_LOG_LEVEL, "warn");
            HIBERNATE_JUL.setLevel(Level.WARNING);
        }
        registerDrivers();
        Workspace workspace;
        try {
            workspace = Workspaces.create(this.url, this.user, password(),
                    this.locations, configFile(), System.getenv(), this.basedir.toPath()).withHints(MavenHints.INSTANCE);
        } catch (IllegalArgumentException e) {
            throw new MojoFailureException(e.getMessage(), e);
        }
        prepare(workspace);
        ModelOptions modelOptions = modelOptions();
        ProjectModel model = modelOptions == null ? null : ProjectModel.open(modelOptions.classpath(),
                modelOptions.outputDirectory().toPath(), modelOptions.entityPackages(), getClass().getClassLoader());
        if (modelOptions != null) {
            workspace = workspace.withAutogenerate(modelOptions.applyTo(workspace.autogenerate()));
        }
        if (model != null) {
            getLog().debug("The model: the JPA entities of packages " + model.packages());
            workspace = workspace.withModelSource(model.source());
        }
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        LogWriter lines = new LogWriter(getLog());
        PrintWriter writer = new PrintWriter(lines);
        Output output = new Output(writer, writer, format);
        try {
            if (model != null) {
                // Hibernate finds the project's classes (naming strategies, converters) through it.
                thread.setContextClassLoader(model.loader());
            }
            command.run(workspace, output);
        } catch (MigrationException e) {
            throw new MojoFailureException(message(e), e);
        } catch (RuntimeException e) {
            throw new MojoExecutionException(message(e), e);
        } finally {
            thread.setContextClassLoader(previous);
            output.flush();
            lines.close();
            close(model);
        }
    }

    private void close(ProjectModel model) {
        if (model != null) {
            try {
                model.close();
            } catch (IOException e) {
                getLog().debug("Closing the project's class loader: " + e.getMessage());
            }
        }
    }

    /**
     * {@code -Dsamokoder.password}, else the plugin configuration. The property is not a parameter
     * expression, so Maven's debug dump of the goal's parameters never holds it.
     */
    private String password() {
        String property = System.getProperty(PASSWORD_PROPERTY);
        String value = property != null ? property : this.password;
        return value == null || value.isEmpty() ? null : value;
    }

    private Path configFile() throws MojoFailureException {
        if (this.configFile != null) {
            if (!this.configFile.isFile()) {
                throw new MojoFailureException("samokoder.configFile " + this.configFile + ": no such file");
            }
            return this.configFile.toPath();
        }
        Path resources = this.basedir.toPath().resolve("src/main/resources");
        for (String name : List.of("application.properties", "application.yml", "application.yaml")) {
            Path file = resources.resolve(name);
            if (file.toFile().isFile()) {
                return file;
            }
        }
        return null;
    }

    /**
     * JDBC drivers of the plugin's class path register themselves when loaded; DriverManager's own
     * discovery may have run before, with another class loader.
     */
    private void registerDrivers() {
        Iterator<Driver> drivers = ServiceLoader.load(Driver.class, getClass().getClassLoader()).iterator();
        while (true) {
            try {
                if (!drivers.hasNext()) {
                    return;
                }
                drivers.next();
            } catch (ServiceConfigurationError e) {
                getLog().debug("JDBC driver not loaded: " + e.getMessage());
            }
        }
    }

    private static String message(RuntimeException e) {
        return e.getMessage() != null ? e.getMessage() : e.toString();
    }

    /** The words of a comma-separated parameter, blanks dropped. */
    static List<String> words(String value) {
        List<String> words = new ArrayList<>();
        if (value != null) {
            for (String word : value.split(",")) {
                if (!word.isBlank()) {
                    words.add(word.strip());
                }
            }
        }
        return words;
    }

    /** {@code text} or {@code json}. */
    static OutputFormat format(String value) throws MojoFailureException {
        try {
            return OutputFormat.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new MojoFailureException("samokoder.format must be text or json, not '" + value + "'");
        }
    }

    /** The parameter, failing the build when it is missing. */
    static String required(String value, String property, String example) throws MojoFailureException {
        if (value == null || value.isBlank()) {
            throw new MojoFailureException("Set " + property + ", for example -D" + property + "=" + example);
        }
        return value;
    }
}
