package io.samokoder.migrations.cli.command;

import java.nio.file.Path;
import java.util.List;

/**
 * {@code revision -m MSG [--head H] [--splice] [--branch-label L] [--depends-on D]... [--rev-id ID]
 * [--version-path DIR] [--java [--package P]] [--contract] [--autogenerate ...]}: writes a new SQL script (or, with
 * {@code --java}, a Java revision's source) on top of the single head (or {@code --head}; {@code base} starts
 * a new root), and prints {@code Generating <path> ...  done}. Reads no database, except with
 * {@code --autogenerate}: then the application's model is compared with the database at its heads, each
 * detected change printed, and the revision is written with the operations that make the database match the
 * model, and their downgrade; when nothing differs it says "No changes in schema detected." and writes
 * nothing (unless {@link Autogenerate#allowEmpty()}).
 *
 * @param message the message (the header's first line and the file name's slug)
 * @param head the revision to build on; {@code null} means {@code head}
 * @param splice allow a head that is not a head of the map (a new branch)
 * @param branchLabels labels the new revision declares
 * @param dependsOn revisions or labels it depends on; partial ids are written as full ids
 * @param revisionId the id; {@code null} for 12 random hex digits
 * @param versionPath the directory to write to; {@code null} for the configured one (for a Java
 *        revision: the package's directory under {@code src/main/java})
 * @param java write a Java revision instead of an SQL script
 * @param javaPackage the Java revision's package; {@code null} to derive it from {@code versionPath}
 * @param sql {@code --sql}, which a revision refuses as Alembic does
 * @param autogenerate compare the model with the database and write the differences; {@code null} for an
 *        empty revision
 * @param contract declare a contract revision: {@code -- Phase: contract} in the script's header,
 *        {@code phase = Phase.CONTRACT} in a Java revision's {@code @Revision}
 */
public record RevisionCommand(String message, String head, boolean splice, List<String> branchLabels,
        List<String> dependsOn, String revisionId, Path versionPath, boolean java, String javaPackage, boolean sql,
        Autogenerate autogenerate, boolean contract) implements MigrationCommand {

    /** What {@code revision --autogenerate} prints when the model and the database are the same. */
    public static final String NO_CHANGES = "No changes in schema detected.";

    /** What autogenerate does not detect, printed when it writes a revision so that the review covers it. */
    public static final String NOT_DETECTED = "Not detected, review for them: renames (seen as a drop and an add),"
            + " changes inside check constraints and views, primary key changes, a sequence's start or increment.";

    /**
     * The options of {@code --autogenerate}.
     *
     * @param allowEmpty         write the revision even when nothing differs
     * @param excludeTables      tables to leave alone (names or patterns), besides the configured ones
     * @param skipServerDefaults do not compare column defaults ({@code --no-compare-server-default})
     */
    public record Autogenerate(boolean allowEmpty, List<String> excludeTables, boolean skipServerDefaults) {

        /** Copies the list. */
        public Autogenerate {
            excludeTables = List.copyOf(excludeTables);
        }
    }

    /** Copies the lists. */
    public RevisionCommand {
        branchLabels = List.copyOf(branchLabels);
        dependsOn = List.copyOf(dependsOn);
    }

    /** A revision that is not a contract revision. */
    public RevisionCommand(String message, String head, boolean splice, List<String> branchLabels,
            List<String> dependsOn, String revisionId, Path versionPath, boolean java, String javaPackage, boolean sql,
            Autogenerate autogenerate) {
        this(message, head, splice, branchLabels, dependsOn, revisionId, versionPath, java, javaPackage, sql,
                autogenerate, false);
    }

    /** A revision to fill in by hand, SQL or Java. */
    public RevisionCommand(String message, String head, boolean splice, List<String> branchLabels,
            List<String> dependsOn, String revisionId, Path versionPath, boolean java, String javaPackage) {
        this(message, head, splice, branchLabels, dependsOn, revisionId, versionPath, java, javaPackage, false, null);
    }

    /** An SQL revision. */
    public RevisionCommand(String message, String head, boolean splice, List<String> branchLabels,
            List<String> dependsOn, String revisionId, Path versionPath) {
        this(message, head, splice, branchLabels, dependsOn, revisionId, versionPath, false, null);
    }

    @Override
    public void run(Workspace workspace, Output output) {
        if (this.javaPackage != null && !this.java) {
            throw new CommandFailedException("--package is for Java revisions: add --java");
        }
        if (this.sql) {
            throw new CommandFailedException(this.autogenerate != null
                    ? "Using --sql with --autogenerate does not make any sense"
                    : "Using --sql with the revision command does not make any sense: a new revision has no SQL to"
                            + " render yet; write it, then run 'upgrade --sql'");
        }
        RevisionBody body = null;
        if (this.autogenerate != null) {
            SchemaComparison comparison = SchemaComparison.run(workspace, output, "revision --autogenerate",
                    this.autogenerate.excludeTables(), this.autogenerate.skipServerDefaults());
            if (comparison.diff().isEmpty() && !this.autogenerate.allowEmpty()) {
                output.line(NO_CHANGES);
                return;
            }
            body = comparison.body();
            output.progress(NOT_DETECTED);
        }
        ScriptWriter.generate(workspace, output, new ScriptWriter.Request(this.revisionId, this.message,
                List.of(this.head == null ? "head" : this.head), this.splice, this.branchLabels, this.dependsOn,
                this.versionPath, this.java ? new ScriptWriter.JavaTarget(this.javaPackage) : null, body,
                this.contract));
    }
}
