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
import java.util.Map;
import java.util.Locale;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.function.UnaryOperator;
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
 * {@code spring.datasource.*}), else the defaults. The Java revisions of {@code samokoder.migrations.java-packages}
 * (or {@code -Dsamokoder.javaPackages}) are read from the project's classes and dependencies. A failed command
 * fails the build with its message.
 */
public abstract class AbstractMigrationsMojo extends AbstractMojo {

    /** The engine's own progress lines duplicate the command's; shown only with {@code mvn -X}. */
    private static final String ENGINE_LOG_LEVEL = "org.slf4j.simpleLogger.log.io.samokoder.migrations";

    /** Hibernate's start-up lines while it maps the project's entities; shown only with {@code mvn -X}. */
    private static final String HIBERNATE_LOG_LEVEL = "org.slf4j.simpleLogger.log.org.hibernate";

    /**
     * MariaDB's driver logs every failed statement as a warning, which the goal reports itself (or
     * expects, as for a version table not created yet); shown only with {@code mvn -X}.
     */
    private static final String MARIADB_LOG_LEVEL = "org.slf4j.simpleLogger.log.org.mariadb.jdbc";

    /** Hibernate logs through java.util.logging in Maven's class realms; held so the level stays set. */
    private static final Logger HIBERNATE_JUL = Logger.getLogger("org.hibernate");

    private static final String PASSWORD_PROPERTY = "samokoder.password";

    @Parameter(defaultValue = "${project.basedir}", readonly = true, required = true)
    private File basedir;

    /**
     * JDBC URL of the database; default: {@code samokoder.migrations.url} or {@code spring.datasource.url} of the
     * configuration file.
     */
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

    /**
     * Comma-separated packages (with their sub-packages) of Java revisions, classes annotated {@code @Revision}
     * in {@code target/classes} or the project's dependencies. Default: the configuration file's
     * {@code samokoder.migrations.java-packages}, else none. Compile the project first.
     */
    @Parameter(property = "samokoder.javaPackages")
    private String javaPackages;

    /**
     * Values of the scripts' {@code ${name}} placeholders, as Flyway's plugin takes them:
     * {@code <placeholders><schema>app</schema></placeholders>}. They add to the configuration file's
     * {@code samokoder.migrations.placeholders.*}, winning for a name both give.
     */
    @Parameter
    private Map<String, String> placeholders;

    @Parameter(defaultValue = "${project.build.outputDirectory}", readonly = true, required = true)
    private File outputDirectory;

    @Parameter(defaultValue = "${project.compileClasspathElements}", readonly = true, required = true)
    private List<String> compileClasspath;

    @Parameter(defaultValue = "${project.runtimeClasspathElements}", readonly = true, required = true)
    private List<String> runtimeClasspath;

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

    /**
     * The goals' yes/no parameters. Maven reads any value but {@code true} as {@code false}, so that
     * {@code -Dsamokoder.dryRun=yes} would run the real migration: such a value is refused instead.
     */
    private static final List<String> FLAGS = List.of("samokoder.allowEmpty", "samokoder.applied",
            "samokoder.autogenerate", "samokoder.checkHeads", "samokoder.compareServerDefaults", "samokoder.contract",
            "samokoder.dropUnmappedTables", "samokoder.dryRun", "samokoder.holdContract", "samokoder.indicateCurrent",
            "samokoder.java", "samokoder.purge", "samokoder.resolveDependencies", "samokoder.retryPartial",
            "samokoder.skip", "samokoder.splice", "samokoder.sql", "samokoder.verbose");

    /** Refuses a yes/no parameter given on the command line with another value than true or false. */
    static void checkFlags(UnaryOperator<String> properties) throws MojoFailureException {
        for (String flag : FLAGS) {
            String value = properties.apply(flag);
            if (value != null && !value.isBlank() && !value.strip().equalsIgnoreCase("true")
                    && !value.strip().equalsIgnoreCase("false")) {
                throw new MojoFailureException("-D" + flag + "=" + value + " is neither true nor false; nothing was"
                        + " run. Give -D" + flag + " (or =true) to turn it on, =false or nothing to leave it off");
            }
        }
    }

    @Override
    public final void execute() throws MojoExecutionException, MojoFailureException {
        checkFlags(System::getProperty);
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
        if (!getLog().isDebugEnabled() && System.getProperty(MARIADB_LOG_LEVEL) == null) {
            System.setProperty(MARIADB_LOG_LEVEL, "error");
        }
        if (!getLog().isDebugEnabled() && System.getProperty(HIBERNATE_LOG_LEVEL) == null) {
            System.setProperty(HIBERNATE_LOG_LEVEL, "warn");
            HIBERNATE_JUL.setLevel(Level.WARNING);
        }
        registerDrivers();
        ProjectClasses classes = ProjectClasses.open(projectClasspath(), getClass().getClassLoader());
        try {
            run(command, format, classes);
        } finally {
            try {
                classes.close();
            } catch (IOException e) {
                getLog().debug("Closing the project's class loader: " + e.getMessage());
            }
        }
    }

    private void run(MigrationCommand command, OutputFormat format, ProjectClasses classes)
            throws MojoExecutionException, MojoFailureException {
        Workspace workspace;
        try {
            workspace = Workspaces.create(this.url, this.user, password(), this.locations, this.javaPackages,
                    this.placeholders, configFile(), System.getenv(), this.basedir.toPath(),
                    classes.javaClassPath(goal()))
                .withHints(MavenHints.INSTANCE);
        } catch (IllegalArgumentException e) {
            throw new MojoFailureException(e.getMessage(), e);
        }
        prepare(workspace);
        ModelOptions modelOptions = modelOptions();
        ProjectModel model = modelOptions == null ? null : ProjectModel.open(classes,
                this.outputDirectory.toPath(), modelOptions.entityPackages());
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
            // Hibernate and the Java revisions find the project's classes (naming strategies, converters) through it.
            thread.setContextClassLoader(classes.loader());
            command.run(workspace, output);
        } catch (MigrationException e) {
            throw new MojoFailureException(message(e), e);
        } catch (RuntimeException e) {
            throw new MojoExecutionException(message(e), e);
        } finally {
            thread.setContextClassLoader(previous);
            output.flush();
            lines.close();
        }
    }

    /** The output directory, then the compile and the runtime class path elements (each once, in order). */
    private List<String> projectClasspath() {
        List<String> elements = new ArrayList<>();
        elements.add(this.outputDirectory.getPath());
        elements.addAll(this.compileClasspath);
        elements.addAll(this.runtimeClasspath);
        return elements;
    }

    /** The goal's name, as its class is named ({@code UpgradeMojo}: {@code upgrade}). */
    private String goal() {
        String name = getClass().getSimpleName().replace("Mojo", "");
        return name.isEmpty() ? name : Character.toLowerCase(name.charAt(0)) + name.substring(1);
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
