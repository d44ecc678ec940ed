package io.samokoder.migrations.cli;

import io.samokoder.migrations.cli.command.BranchesCommand;
import io.samokoder.migrations.cli.command.CheckCommand;
import io.samokoder.migrations.cli.command.CurrentCommand;
import io.samokoder.migrations.cli.command.EnsureVersionCommand;
import io.samokoder.migrations.cli.command.GraphCommand;
import io.samokoder.migrations.cli.command.HeadsCommand;
import io.samokoder.migrations.cli.command.HistoryCommand;
import io.samokoder.migrations.cli.command.LintCommand;
import io.samokoder.migrations.cli.command.LogCommand;
import io.samokoder.migrations.cli.command.MoveCommand;
import io.samokoder.migrations.cli.command.OutputFormat;
import io.samokoder.migrations.cli.command.RepairCommand;
import io.samokoder.migrations.cli.command.ShowCommand;
import io.samokoder.migrations.cli.command.StampCommand;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * The subcommands that read or move the database (those that write scripts are {@link ScriptSubcommands}), and
 * what every subcommand shares: each maps its options to one command object of
 * {@link io.samokoder.migrations.cli.command} and holds no logic of its own.
 */
final class Subcommands {

    private Subcommands() {
    }

    /** {@code --format text|json}. */
    static final class Format {
        @Option(names = "--format", paramLabel = "text|json", description = "Output format: text (Alembic's) or json.")
        OutputFormat format = OutputFormat.TEXT;
    }

    /** The part every subcommand shares: its parent, which runs the command, and {@code -h}/{@code --help}. */
    abstract static class Base implements Callable<Integer> {
        @ParentCommand
        SamokoderCli root;

        @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
        boolean help;
    }

    /** The options of the model comparison ({@code revision --autogenerate}, {@code check}). */
    static final class Comparison {
        @Option(names = "--exclude-table", paramLabel = "TABLE", description = "A table (or pattern with * and ?)"
                + " that the model comparison leaves alone; repeatable, added to"
                + " samokoder.migrations.autogenerate.exclude-tables.")
        List<String> excludeTables = new ArrayList<>();
        @Option(names = "--no-compare-server-default", description = "Do not compare column defaults.")
        boolean noServerDefaults;

        /** The first option given, or null. */
        String option() {
            return !this.excludeTables.isEmpty() ? "--exclude-table" : this.noServerDefaults
                    ? "--no-compare-server-default" : null;
        }
    }

    @Command(name = "upgrade", description = "Upgrade to a later version.")
    static final class Upgrade extends Base {
        @Parameters(paramLabel = "TARGET", description = "Target: heads, a revision, label@head, +N, ...")
        String target;
        @Option(names = "--sql", description = "Write the SQL script instead of running it (TARGET or start:end).")
        boolean sql;
        @Option(names = "--dry-run", description = "Print the steps without running them.")
        boolean dryRun;
        @Option(names = "--retry-partial", description = "Run again a revision that an earlier run left part-way"
                + " (a database without transactional DDL), once what it applied was undone or made safe to repeat.")
        boolean retryPartial;
        @Option(names = "--hold-contract", description = "Apply everything but the contract revisions that the"
                + " database does not have yet (and what builds on them): the pre-deploy job's upgrade before a"
                + " rolling deploy. Only with the target heads.")
        boolean holdContract;
        @Mixin
        Format format;

        @Override
        public Integer call() {
            if (this.holdContract && this.sql) {
                throw new CliUsageException("--hold-contract cannot be used with --sql: offline there is no database"
                        + " to tell which contract revisions it has");
            }
            if (this.holdContract && !this.target.equals("heads")) {
                throw new CliUsageException("--hold-contract upgrades to the heads: use the target heads, not '"
                        + this.target + "'");
            }
            return this.root.execute(new MoveCommand(io.samokoder.migrations.Command.UPGRADE, this.target, this.sql,
                    this.dryRun, this.retryPartial, this.holdContract), this.format.format);
        }
    }

    @Command(name = "downgrade", description = "Revert to a previous version.")
    static final class Downgrade extends Base {
        @Parameters(paramLabel = "TARGET", description = "Target: -1, base, a revision, label@-1, ...")
        String target;
        @Option(names = "--sql", description = "Write the SQL script instead of running it (needs start:end).")
        boolean sql;
        @Option(names = "--dry-run", description = "Print the steps without running them.")
        boolean dryRun;
        @Option(names = "--retry-partial", description = "Run again a revision that an earlier run left part-way"
                + " (a database without transactional DDL), once what it applied was undone or made safe to repeat.")
        boolean retryPartial;
        @Mixin
        Format format;

        @Override
        public Integer call() {
            return this.root.execute(new MoveCommand(io.samokoder.migrations.Command.DOWNGRADE, this.target,
                    this.sql, this.dryRun, this.retryPartial), this.format.format);
        }
    }

    @Command(name = "stamp", description = "Set the version table to revisions without running any migration.")
    static final class Stamp extends Base {
        @Parameters(arity = "1..*", paramLabel = "REV", description = "Revisions (start:rev with --sql).")
        List<String> revisions;
        @Option(names = "--purge", description = "Delete every version row first.")
        boolean purge;
        @Option(names = "--sql", description = "Write the SQL instead of running it.")
        boolean sql;
        @Mixin
        Format format;

        @Override
        public Integer call() {
            return this.root.execute(new StampCommand(this.revisions, this.purge, this.sql), this.format.format);
        }
    }

    @Command(name = "current", description = "Display the current revision(s) of the database.")
    static final class Current extends Base {
        @Option(names = {"-v", "--verbose"}, description = "Verbose output.")
        boolean verbose;
        @Option(names = "--check-heads", description = "Fail unless the database is on all head revisions.")
        boolean checkHeads;
        @Mixin
        Format format;

        @Override
        public Integer call() {
            return this.root.execute(new CurrentCommand(this.verbose, this.checkHeads), this.format.format);
        }
    }

    @Command(name = "heads", description = "Show the current available heads in the script directory.")
    static final class Heads extends Base {
        @Option(names = {"-v", "--verbose"}, description = "Verbose output.")
        boolean verbose;
        @Option(names = "--resolve-dependencies", description = "Treat dependency versions as down revisions.")
        boolean resolveDependencies;
        @Mixin
        Format format;

        @Override
        public Integer call() {
            return this.root.execute(new HeadsCommand(this.verbose, this.resolveDependencies), this.format.format);
        }
    }

    @Command(name = "branches", description = "Show current branch points.")
    static final class Branches extends Base {
        @Option(names = {"-v", "--verbose"}, description = "Verbose output.")
        boolean verbose;
        @Mixin
        Format format;

        @Override
        public Integer call() {
            return this.root.execute(new BranchesCommand(this.verbose), this.format.format);
        }
    }

    @Command(name = "history", description = "List changeset scripts in chronological order (heads first).")
    static final class History extends Base {
        @Option(names = {"-r", "--rev-range"}, paramLabel = "RANGE",
                description = "[start]:[end]; either may be current.")
        String range;
        @Option(names = {"-v", "--verbose"}, description = "Verbose output.")
        boolean verbose;
        @Option(names = {"-i", "--indicate-current"}, description = "Mark the current revisions (reads the database).")
        boolean indicateCurrent;
        @Mixin
        Format format;

        @Override
        public Integer call() {
            return this.root.execute(new HistoryCommand(this.range, this.verbose, this.indicateCurrent),
                    this.format.format);
        }
    }

    @Command(name = "show", description = "Show the revision(s) denoted by the given symbol.")
    static final class Show extends Base {
        @Parameters(paramLabel = "REV", description = "A revision, prefix, label, heads, label@head, -1, current.")
        String revision;
        @Mixin
        Format format;

        @Override
        public Integer call() {
            return this.root.execute(new ShowCommand(this.revision), this.format.format);
        }
    }

    @Command(name = "log", description = "Show the log table's latest rows: steps, stamps, repairs, failures.")
    static final class Log extends Base {
        @Option(names = {"-n", "--max-count"}, paramLabel = "N", description = "How many rows (default 20).")
        int limit = 20;
        @Option(names = "--offset", paramLabel = "K", description = "Pass over the K newest rows first (the next page;"
                + " default 0).")
        int offset;
        @Mixin
        Format format;

        @Override
        public Integer call() {
            return this.root.execute(new LogCommand(this.limit, this.offset), this.format.format);
        }
    }

    @Command(name = "repair", description = "Record the scripts of changed applied revisions as what ran.")
    static final class Repair extends Base {
        @Parameters(arity = "1..*", paramLabel = "REV", description = "Applied revisions whose scripts changed.")
        List<String> revisions;
        @Mixin
        Format format;

        @Override
        public Integer call() {
            return this.root.execute(new RepairCommand(this.revisions), this.format.format);
        }
    }

    @Command(name = "ensure_version", aliases = "ensure-version",
            description = "Create the version table if it does not exist.")
    static final class EnsureVersion extends Base {
        @Override
        public Integer call() {
            return this.root.execute(new EnsureVersionCommand(), OutputFormat.TEXT);
        }
    }

    @Command(name = "check", description = "Fail unless there is one head, the database is at it, no applied"
            + " script changed and the database matches the application's model (where there is one).")
    static final class Check extends Base {
        @Mixin
        Format format;
        @Mixin
        Comparison comparison;

        @Override
        public Integer call() {
            return this.root.execute(new CheckCommand(this.comparison.excludeTables, this.comparison.noServerDefaults),
                    this.format.format);
        }
    }

    @Command(name = "lint", description = "Fail when revisions lock a table in use for as long as the table"
            + " takes to scan, rewrite, copy or index, or fail on a table with rows.")
    static final class Lint extends Base {
        @Option(names = {"-r", "--rev-range"}, paramLabel = "RANGE",
                description = "[start]:[end] as for history; default: the revisions pending on the database.")
        String range;
        @Option(names = "--ignore", paramLabel = "RULE", description = "Leave this rule out (repeatable).")
        List<String> ignore = new ArrayList<>();
        @Mixin
        Format format;

        @Override
        public Integer call() {
            return this.root.execute(new LintCommand(this.range, this.ignore), this.format.format);
        }
    }

    @Command(name = "graph", description = "Print the revision graph as Mermaid or Graphviz source.")
    static final class Graph extends Base {
        @Option(names = "--format", paramLabel = "mermaid|dot", description = "Output: mermaid (default) or dot.")
        GraphCommand.Style style = GraphCommand.Style.MERMAID;
        @Option(names = "--applied", description = "Mark the revisions the database has (reads the database).")
        boolean applied;

        @Override
        public Integer call() {
            return this.root.execute(new GraphCommand(this.style, this.applied), OutputFormat.TEXT);
        }
    }
}
