package io.samokoder.migrations.cli;

import io.samokoder.migrations.Migrations;
import io.samokoder.migrations.cli.command.AutogenerateSettings;
import io.samokoder.migrations.cli.command.Hints;
import io.samokoder.migrations.cli.command.MigrationCommand;
import io.samokoder.migrations.cli.command.Output;
import io.samokoder.migrations.cli.command.OutputFormat;
import io.samokoder.migrations.cli.command.Workspace;
import io.samokoder.migrations.schema.ModelSource;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The {@code samokoder} command line: Alembic's commands over SQL revision scripts and Java revisions. Global options
 * may come before or after the command. Exit status: 0, 2 for a usage error, 255 for a failed
 * command ({@code FAILED: <message>} on the error stream; the stack trace only with {@code --debug}).
 */
@Command(name = "samokoder", mixinStandardHelpOptions = true, versionProvider = SamokoderCli.Version.class,
        description = "Alembic's migration commands for SQL revision scripts and Java revisions.")
public final class SamokoderCli {

    /**
     * The subcommands by name. Only the one a command line names is registered with picocli (its
     * model is built by reflection, which costs start-up time per command); all of them for help,
     * usage errors and completion.
     */
    private static final Map<String, Supplier<Object>> SUBCOMMANDS = subcommands();

    /** Global options that take a value (the next word unless written {@code --option=value}). */
    private static final Set<String> VALUE_OPTIONS = Set.of("--url", "--user", "--password", "--locations",
            "--repeatable-locations", "--config",
            "--schema", "--version-table", "--log-table", "--file-template", "--java-packages", "--classpath", "-cp");

    /** Exit status of a failed command, as Alembic's. */
    public static final int FAILED = 255;

    /** The exit status of a failed command with {@code --raiseerr} (Python's for an uncaught exception). */
    public static final int RAISED = 1;

    @Option(names = "--url", scope = ScopeType.INHERIT, paramLabel = "JDBC_URL",
            description = "Database URL (else SAMOKODER_MIGRATIONS_URL, SPRING_DATASOURCE_URL, --config).")
    String url;

    @Option(names = "--user", scope = ScopeType.INHERIT, description = "Database user.")
    String user;

    @Option(names = "--password", scope = ScopeType.INHERIT, description = "Database password (prefer the"
            + " environment: SAMOKODER_MIGRATIONS_PASSWORD or SPRING_DATASOURCE_PASSWORD); asked for when needed.")
    String password;

    @Option(names = "--locations", scope = ScopeType.INHERIT, paramLabel = "LOCATIONS",
            description = "Comma-separated script locations (filesystem:DIR, classpath:PATH, DIR); default "
                    + Locations.DEFAULT + ".")
    String locations;

    @Option(names = "--repeatable-locations", scope = ScopeType.INHERIT, paramLabel = "LOCATIONS",
            description = "Comma-separated locations of repeatable scripts, applied after the revisions whenever"
                    + " they are new or changed; default " + Locations.DEFAULT_REPEATABLE + " where it exists.")
    String repeatableLocations;

    @Option(names = "--config", scope = ScopeType.INHERIT, paramLabel = "FILE",
            description = "A Spring application.properties or .yml with samokoder.migrations.* and"
                    + " spring.datasource.*.")
    Path config;

    @Option(names = "--schema", scope = ScopeType.INHERIT, description = "Schema of the version and log tables.")
    String schema;

    @Option(names = "--version-table", scope = ScopeType.INHERIT, paramLabel = "TABLE",
            description = "Version table (default alembic_version).")
    String versionTable;

    @Option(names = "--log-table", scope = ScopeType.INHERIT, paramLabel = "TABLE",
            description = "Log table (default samokoder_migrations_log).")
    String logTable;

    @Option(names = "--file-template", scope = ScopeType.INHERIT, paramLabel = "TEMPLATE",
            description = "File name of new scripts, Alembic's file_template tokens (default %%(rev)s_%%(slug)s).")
    String fileTemplate;

    @Option(names = "--java-packages", scope = ScopeType.INHERIT, paramLabel = "PACKAGES",
            description = "Comma-separated packages (sub-packages included) of Java revisions, classes annotated"
                    + " @Revision (else samokoder.migrations.java-packages of --config).")
    String javaPackages;

    @Option(names = {"--classpath", "-cp"}, scope = ScopeType.INHERIT, paramLabel = "PATH",
            description = "Directories and jars of the Java revisions' classes, separated by '${sys:path.separator}'"
                    + " (searched besides the command's own class path; classpath: locations are read from them too).")
    String classpath;

    @Option(names = "--placeholder", scope = ScopeType.INHERIT, paramLabel = "NAME=VALUE", description = "The value"
            + " of ${NAME} in SQL scripts (repeatable; adds to samokoder.migrations.placeholders of --config).")
    Map<String, String> placeholders;

    @Option(names = "--debug", scope = ScopeType.INHERIT, description = "Print stack traces of failures.")
    boolean debug;

    @Option(names = {"-q", "--quiet"}, scope = ScopeType.INHERIT, description = "Print nothing on standard output"
            + " but offline SQL (--sql); progress, warnings and failures still go to standard error.")
    boolean quiet;

    @Option(names = "--raiseerr", scope = ScopeType.INHERIT, description = "On a failure, print its stack trace"
            + " instead of the FAILED line and exit with 1, as Alembic's --raiseerr re-raises it.")
    boolean raiseErrors;

    @Spec
    CommandSpec spec;

    private Map<String, String> environment = Map.of();
    private Migrations inApp;
    private ModelSource model;
    private ClassPathOption classes;
    private AutogenerateSettings autogenerate = AutogenerateSettings.DEFAULTS;
    private PrintWriter out;
    private PrintWriter err;

    /** For picocli; use {@link #run(String[], PrintStream, PrintStream)}. */
    public SamokoderCli() {
    }

    /** Runs a command line and exits with its status. */
    public static void main(String[] args) {
        Logging.configure(List.of(args).contains("--debug"));
        System.exit(run(args, System.out, System.err));
    }

    /**
     * Runs a command line with the process environment.
     *
     * @return the exit status: 0, 2 (usage error) or 255 (the command failed)
     */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        return run(args, out, err, System.getenv(), null);
    }

    /**
     * Runs a command line.
     *
     * @param environment the variables to read settings from
     * @param inApp the engine to use instead of connection options (in-app command mode), or {@code null}
     */
    static int run(String[] args, PrintStream out, PrintStream err, Map<String, String> environment,
            Migrations inApp) {
        return run(args, out, err, environment, inApp, null, AutogenerateSettings.DEFAULTS);
    }

    /**
     * Runs a command line in the application's command mode.
     *
     * @param model the application's model for {@code revision --autogenerate} and {@code check}, or {@code null}
     * @param autogenerate the application's settings of the comparison
     */
    static int run(String[] args, PrintStream out, PrintStream err, Map<String, String> environment,
            Migrations inApp, ModelSource model, AutogenerateSettings autogenerate) {
        SamokoderCli root = new SamokoderCli();
        root.environment = environment;
        root.inApp = inApp;
        root.model = model;
        root.autogenerate = autogenerate;
        root.out = new PrintWriter(new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16));
        root.err = new PrintWriter(new OutputStreamWriter(err, StandardCharsets.UTF_8));
        CommandLine commandLine = commandLine(root, args);
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        commandLine.setOut(root.out);
        commandLine.setErr(root.err);
        commandLine.setExecutionExceptionHandler((error, failed, parseResult) -> root.failed(error, failed));
        commandLine.setParameterExceptionHandler(new UnknownCommands(new UnknownOptions(
                commandLine.getParameterExceptionHandler())));
        try {
            return commandLine.execute(args);
        } finally {
            root.out.flush();
            root.err.flush();
            if (root.classes != null) {
                root.classes.close();
            }
        }
    }

    /** The command line with all subcommands (for completion scripts and documentation). */
    static CommandLine commandLine() {
        return commandLine(new SamokoderCli(), new String[0]);
    }

    private static CommandLine commandLine(SamokoderCli root, String[] args) {
        CommandLine commandLine = new CommandLine(root);
        String name = subcommandName(args);
        if (name != null) {
            commandLine.addSubcommand(name, SUBCOMMANDS.get(name).get());
        } else {
            for (Map.Entry<String, Supplier<Object>> subcommand : SUBCOMMANDS.entrySet()) {
                commandLine.addSubcommand(subcommand.getKey(), subcommand.getValue().get());
            }
        }
        return commandLine;
    }

    /** The subcommand the arguments name, or {@code null} for none, an unknown one, or help. */
    private static String subcommandName(String[] args) {
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.startsWith("-")) {
                if (VALUE_OPTIONS.contains(arg)) {
                    i++;
                } else if (!arg.contains("=")) {
                    if (arg.equals("-h") || arg.equals("--help") || arg.equals("-V") || arg.equals("--version")) {
                        return null;
                    }
                }
                continue;
            }
            String name = arg.equals("ensure-version") ? "ensure_version" : arg;
            return name.equals("help") || !SUBCOMMANDS.containsKey(name) ? null : name;
        }
        return null;
    }

    private static Map<String, Supplier<Object>> subcommands() {
        Map<String, Supplier<Object>> map = new LinkedHashMap<>();
        map.put("init", ScriptSubcommands.Init::new);
        map.put("revision", ScriptSubcommands.Revision::new);
        map.put("merge", ScriptSubcommands.Merge::new);
        map.put("squash", ScriptSubcommands.Squash::new);
        map.put("upgrade", Subcommands.Upgrade::new);
        map.put("downgrade", Subcommands.Downgrade::new);
        map.put("stamp", Subcommands.Stamp::new);
        map.put("current", Subcommands.Current::new);
        map.put("heads", Subcommands.Heads::new);
        map.put("branches", Subcommands.Branches::new);
        map.put("history", Subcommands.History::new);
        map.put("show", Subcommands.Show::new);
        map.put("edit", ScriptSubcommands.Edit::new);
        map.put("ensure_version", Subcommands.EnsureVersion::new);
        map.put("check", Subcommands.Check::new);
        map.put("repair", Subcommands.Repair::new);
        map.put("log", Subcommands.Log::new);
        map.put("lint", Subcommands.Lint::new);
        map.put("graph", Subcommands.Graph::new);
        map.put("help", CommandLine.HelpCommand::new);
        return map;
    }

    /** Runs one command of the command layer; called by the subcommands. */
    int execute(MigrationCommand command, OutputFormat format) {
        Output output = new Output(this.out, this.err, format == null ? OutputFormat.TEXT : format, this.quiet);
        try {
            command.run(workspace(), output);
        } finally {
            output.flush();
        }
        return 0;
    }

    private Workspace workspace() {
        if (this.inApp != null) {
            refuseEngineOptions();
            Migrations engine = this.inApp;
            return new Workspace(() -> engine, "the application's database",
                    Locations.directories(engine.config().locations()), this.fileTemplate)
                .withHints(Hints.COMMAND_MODE)
                .withModelSource(this.model)
                .withAutogenerate(this.autogenerate);
        }
        if (this.classpath != null) {
            this.classes = ClassPathOption.open(this.classpath);
        }
        return Workspaces.create(settings(), null, System.console(),
                this.classes == null ? null : this.classes.classPath());
    }

    private void refuseEngineOptions() {
        String refused = this.url != null ? "--url" : this.user != null ? "--user"
                : this.password != null ? "--password"
                : this.config != null ? "--config" : this.locations != null ? "--locations"
                : this.repeatableLocations != null ? "--repeatable-locations"
                : this.schema != null ? "--schema" : this.versionTable != null ? "--version-table"
                : this.logTable != null ? "--log-table" : this.javaPackages != null ? "--java-packages"
                : this.classpath != null ? "--classpath" : this.placeholders != null ? "--placeholder" : null;
        if (refused != null) {
            throw new CliUsageException(refused + " is not available in the application's command mode: the"
                    + " application's own configuration (samokoder.migrations.*, spring.datasource.*) is used");
        }
    }

    private Settings settings() {
        Settings options = Settings.builder().url(this.url).user(this.user).password(this.password)
                .locations(this.locations == null ? null : Locations.parse(this.locations))
                .schema(this.schema).versionTable(this.versionTable).logTable(this.logTable)
                .fileTemplate(this.fileTemplate)
                .javaPackages(this.javaPackages == null ? null : Workspaces.javaPackages(this.javaPackages))
                .placeholders(this.placeholders)
                .repeatableLocations(this.repeatableLocations == null ? null
                        : Locations.parse(this.repeatableLocations))
                .build();
        // The application's variables, as its Spring Boot binds them: they win over the file, as there.
        Settings environmentSettings = Settings.builder()
                .url(variable("SAMOKODER_MIGRATIONS_URL", "SPRING_DATASOURCE_URL"))
                .user(variable("SAMOKODER_MIGRATIONS_USER", "SPRING_DATASOURCE_USERNAME"))
                .password(variable("SAMOKODER_MIGRATIONS_PASSWORD", "SPRING_DATASOURCE_PASSWORD"))
                .build()
                .or(ConfigFile.fromEnvironment(this.environment));
        Settings file = this.config == null ? Settings.NONE : ConfigFile.load(this.config, this.environment);
        return ConfigFile.requireResolved(this.config, options.or(environmentSettings).or(file));
    }

    /** The environment variables this run reads. */
    Map<String, String> environment() {
        return this.environment;
    }

    private String variable(String name, String fallback) {
        String value = this.environment.get(name);
        return value != null && !value.isEmpty() ? value : this.environment.get(fallback);
    }

    private int failed(Exception error, CommandLine failed) {
        this.out.flush();
        if (error instanceof CliUsageException) {
            ParameterException usage = new ParameterException(failed, error.getMessage());
            try {
                return failed.getParameterExceptionHandler().handleParseException(usage, new String[0]);
            } catch (Exception e) {
                this.err.println(error.getMessage());
                return CommandLine.ExitCode.USAGE;
            }
        }
        if (this.raiseErrors) {
            error.printStackTrace(this.err);
            this.err.flush();
            return RAISED;
        }
        String message = error.getMessage() != null ? error.getMessage() : error.toString();
        this.err.println("FAILED: " + message);
        if (this.debug) {
            error.printStackTrace(this.err);
        }
        this.err.flush();
        return FAILED;
    }

    /** The version from the jar's manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = SamokoderCli.class.getPackage().getImplementationVersion();
            return new String[] {"samokoder-migrations " + (version == null ? "(development build)" : version)};
        }
    }
}
