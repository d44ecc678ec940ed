package io.samokoder.migrations.cli;

import io.samokoder.migrations.cli.command.EditCommand;
import io.samokoder.migrations.cli.command.InitCommand;
import io.samokoder.migrations.cli.command.MergeCommand;
import io.samokoder.migrations.cli.command.OutputFormat;
import io.samokoder.migrations.cli.command.RevisionCommand;
import io.samokoder.migrations.cli.command.SquashCommand;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The subcommands that write or open revision scripts and read no database (but {@code revision --autogenerate}):
 * each maps its options to one command object of {@link io.samokoder.migrations.cli.command}, as
 * {@link Subcommands} does for the others.
 */
final class ScriptSubcommands {

    private ScriptSubcommands() {
    }

    @Command(name = "init", description = "Create the scripts directory with the script template.")
    static final class Init extends Subcommands.Base {
        @Parameters(arity = "0..1", paramLabel = "DIR",
                description = "Directory (default: the first filesystem location).")
        Path directory;

        @Override
        public Integer call() {
            return this.root.execute(new InitCommand(this.directory), OutputFormat.TEXT);
        }
    }

    @Command(name = "revision", description = "Create a new revision script.")
    static final class Revision extends Subcommands.Base {
        @Option(names = {"-m", "--message"}, description = "Message.")
        String message;
        @Option(names = "--head", description = "Revision to base the new one on (default head; base for a new root).")
        String head;
        @Option(names = "--splice", description = "Allow a non-head revision as --head (a new branch).")
        boolean splice;
        @Option(names = "--branch-label", description = "Branch label of the new revision.")
        List<String> branchLabels = new ArrayList<>();
        @Option(names = "--depends-on", description = "Revision or label the new revision depends on (repeatable).")
        List<String> dependsOn = new ArrayList<>();
        @Option(names = "--rev-id", description = "Revision id (default: 12 random hex digits).")
        String revisionId;
        @Option(names = "--version-path", paramLabel = "DIR", description = "Directory to write the script to.")
        Path versionPath;
        @Option(names = "--java",
                description = "Write a Java revision (a class calling op.*) instead of an SQL script.")
        boolean java;
        @Option(names = "--package", paramLabel = "PKG", description = "Package of the Java revision (with --java;"
                + " default: read off --version-path below a java directory).")
        String javaPackage;
        @Option(names = "--contract", description = "Declare a contract revision (-- Phase: contract; with --java,"
                + " phase = Phase.CONTRACT): it drops what only the previous build uses.")
        boolean contract;
        @Option(names = "--autogenerate", description = "Compare the application's model with the database and write"
                + " the operations that differ (in the application's command mode or the Maven plugin).")
        boolean autogenerate;
        @Option(names = "--allow-empty", description = "With --autogenerate: write the revision even when nothing"
                + " differs.")
        boolean allowEmpty;
        @Mixin
        Subcommands.Comparison comparison;
        @Option(names = "--sql", hidden = true, description = "Refused, as by Alembic.")
        boolean sql;

        @Override
        public Integer call() {
            if (!this.autogenerate) {
                String only = this.allowEmpty ? "--allow-empty" : this.comparison.option();
                if (only != null) {
                    throw new CliUsageException(only + " is an option of --autogenerate: add --autogenerate");
                }
            }
            RevisionCommand.Autogenerate options = this.autogenerate ? new RevisionCommand.Autogenerate(
                    this.allowEmpty, this.comparison.excludeTables, this.comparison.noServerDefaults) : null;
            return this.root.execute(new RevisionCommand(this.message, this.head, this.splice, this.branchLabels,
                    this.dependsOn, this.revisionId, this.versionPath, this.java, this.javaPackage, this.sql, options,
                    this.contract), OutputFormat.TEXT);
        }
    }

    @Command(name = "merge", description = "Merge revisions (usually heads) into one new revision.")
    static final class Merge extends Subcommands.Base {
        @Parameters(arity = "1..*", paramLabel = "REVS", description = "Revisions to merge, e.g. heads.")
        List<String> revisions;
        @Option(names = {"-m", "--message"}, description = "Message.")
        String message;
        @Option(names = "--branch-label", description = "Branch label of the merge revision.")
        List<String> branchLabels = new ArrayList<>();
        @Option(names = "--rev-id", description = "Revision id (default: 12 random hex digits).")
        String revisionId;
        @Option(names = "--contract", description = "Declare the merge a contract revision (-- Phase: contract), as"
                + " a merge of a contract revision's branch must be.")
        boolean contract;

        @Override
        public Integer call() {
            return this.root.execute(new MergeCommand(this.revisions, this.message, this.branchLabels,
                    this.revisionId, this.contract), OutputFormat.TEXT);
        }
    }

    @Command(name = "squash", description = "Replace a revision and every revision below it with one script.")
    static final class Squash extends Subcommands.Base {
        @Parameters(paramLabel = "REV", description = "The revision to squash up to (it keeps its id).")
        String revision;
        @Option(names = {"-m", "--message"}, description = "Message (default: Squash of N revisions).")
        String message;
        @Option(names = "--dry-run", description = "Print the script and the files it replaces; write nothing.")
        boolean dryRun;

        @Override
        public Integer call() {
            return this.root.execute(new SquashCommand(this.revision, this.message, this.dryRun),
                    OutputFormat.TEXT);
        }
    }

    @Command(name = "edit", description = "Open revision scripts in the editor ($EDITOR, $VISUAL).")
    static final class Edit extends Subcommands.Base {
        @Parameters(paramLabel = "REV", description = "A revision, prefix, label, heads, current.")
        String revision;

        @Override
        public Integer call() {
            return this.root.execute(new EditCommand(this.revision, this.root.environment()), OutputFormat.TEXT);
        }
    }
}
