package io.samokoder.migrations.autoconfigure;

import io.samokoder.migrations.ChecksumMismatchException;
import io.samokoder.migrations.IrreversibleRevisionException;
import io.samokoder.migrations.LockTimeoutException;
import io.samokoder.migrations.MigrationConfigurationException;
import io.samokoder.migrations.MigrationException;
import io.samokoder.migrations.MigrationExecutionException;
import io.samokoder.migrations.PartialRevisionException;
import io.samokoder.migrations.SharedSessionException;
import io.samokoder.migrations.graph.RevisionException;
import io.samokoder.migrations.java.JavaRevisionException;
import io.samokoder.migrations.ops.OperationNotSupportedException;
import io.samokoder.migrations.script.ScriptFormatException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explains a start-up that failed while migrating: what failed (revision, file, statement,
 * SQLSTATE) and what to do about it.
 */
final class MigrationsFailureAnalyzer extends AbstractFailureAnalyzer<MigrationException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, MigrationException cause) {
        if (cause instanceof MigrationExecutionException execution) {
            return execution(execution);
        }
        if (cause instanceof DowngradeNotAllowedException downgrade) {
            return new FailureAnalysis("Migrations refused to downgrade the database at start-up:\n\n    "
                    + downgrade.getMessage() + "\n",
                    "Set samokoder.migrations.target to a revision at or above the current one (or heads), or, if"
                            + " undoing " + downgrade.revisions() + " is intended, set"
                            + " samokoder.migrations.allow-downgrade=true for this start.",
                    cause);
        }
        if (cause instanceof ChecksumMismatchException checksum) {
            return new FailureAnalysis("Revision " + checksum.revision() + " (" + checksum.file()
                    + ") was changed after it was applied:\n\n    " + checksum.getMessage() + "\n",
                    checksum.file().startsWith("java:")
                            ? "Restore the revision's code as it was applied and put the change in a new revision. If"
                                    + " its code is unchanged but records other values on each start (a random id,"
                                    + " the time, a salted hash), declare @Revision(version = \"1\") instead, or set"
                                    + " samokoder.migrations.validate-checksums=warn."
                            : "Restore the script as it was applied and put the change in a new revision. If the new"
                                    + " text is meant to stand for what ran (a change to the downgrade part alone"
                                    + " passes, unless the revision was applied before checksums had parts: v1),"
                                    + " record it so without running it (--samokoder.migrations.command=\"repair "
                                    + checksum.revision() + "\"), or downgrade below the revision and upgrade again,"
                                    + " which runs it and records the new checksum (--samokoder.migrations.command="
                                    + "\"downgrade " + checksum.revision() + "-1\", then \"upgrade heads\"). If the"
                                    + " edit is harmless (a comment, formatting), set"
                                    + " samokoder.migrations.validate-checksums=warn.",
                    cause);
        }
        if (cause instanceof LockTimeoutException) {
            return new FailureAnalysis("Migrations could not take the migration lock:\n\n    " + cause.getMessage()
                    + "\n",
                    "Wait for the other instance to finish and restart, or stop it if it hangs; if it is gone while its"
                            + " database session lingers, end that session as the message says. To wait longer, raise"
                            + " samokoder.migrations.lock-wait-timeout.",
                    cause);
        }
        if (cause instanceof SharedSessionException) {
            return new FailureAnalysis("Migrations refused to migrate through a shared database session:\n\n"
                    + "    " + cause.getMessage() + "\n",
                    "Point samokoder.migrations.url (with user and password) at the database itself or at a"
                            + " session-mode pool, and restart; the application's own DataSource may stay on the"
                            + " transaction-mode pooler.",
                    cause);
        }
        if (cause instanceof IrreversibleRevisionException irreversible) {
            return new FailureAnalysis("Migrations cannot downgrade through revision " + irreversible.revision()
                    + ":\n\n    " + cause.getMessage() + "\n",
                    "Choose a samokoder.migrations.target above that revision, or add a '-- migrate:downgrade' part"
                            + " to its script.",
                    cause);
        }
        if (cause instanceof PartialRevisionException partial) {
            String stampTarget = "up".equals(partial.direction()) ? partial.revision() : "<the revision below it>";
            return new FailureAnalysis("Migrations refused to run revision " + partial.revision() + " again: an earlier"
                    + " run left it part-way.\n\n    " + cause.getMessage() + "\n",
                    "Either finish its remaining statements by hand and stamp it as the message says"
                            + " (--samokoder.migrations.command=\"stamp " + stampTarget + "\"), or undo what it"
                            + " applied (or"
                            + " make it safe to repeat) and start once with samokoder.migrations.retry-partial=true.",
                    cause);
        }
        if (cause instanceof MigrationConfigurationException || cause instanceof JavaRevisionException
                || cause instanceof OperationNotSupportedException) {
            return new FailureAnalysis("Migrations could not start:\n\n    " + cause.getMessage() + "\n",
                    "Fix the property or the revision named above and restart.", cause);
        }
        if (cause instanceof ScriptFormatException) {
            return new FailureAnalysis("A revision script could not be read:\n\n    " + cause.getMessage() + "\n",
                    "Fix the script header or markers at the file and line named above.", cause);
        }
        if (cause instanceof RevisionException) {
            return new FailureAnalysis("Migrations could not resolve the revisions:\n\n    " + cause.getMessage()
                    + "\n",
                    "Check samokoder.migrations.target (any revision spec: heads, a revision id or a unique prefix"
                            + " of one, branch@head, ...) and the Revises / Depends On headers of"
                            + " the scripts in samokoder.migrations.locations.",
                    cause);
        }
        return new FailureAnalysis("Migrations failed at start-up:\n\n    " + cause.getMessage() + "\n",
                "Fix the problem named above and restart.", cause);
    }

    private static FailureAnalysis execution(MigrationExecutionException ex) {
        StringBuilder description = new StringBuilder("Migrations failed at start-up.\n\n");
        description.append("    Revision:  ").append(ex.revision()).append('\n');
        description.append("    File:      ").append(ex.file()).append('\n');
        if (ex.statementNumber() > 0) {
            description.append("    Statement: ").append(ex.statementNumber());
            if (ex.line() > 0) {
                description.append(" (line ").append(ex.line()).append(')');
            }
            description.append('\n');
        }
        else if (ex.statementNumber() < 0) {
            description.append("    Statement: none; the revision's code failed outside its statements\n");
        }
        else {
            description.append("    Statement: the version-table update after the script\n");
        }
        if (ex.sqlState() != null) {
            description.append("    SQLSTATE:  ").append(ex.sqlState()).append('\n');
        }
        description.append("    Error:     ").append(ex.serverMessage()).append('\n');
        description.append("    Database:  ").append(ex.databaseState()).append('\n');
        String statement = ex.statementNumber() < 0 ? "the code of " + ex.file()
                : "statement " + ex.statementNumber() + " of " + ex.file()
                        + (ex.line() > 0 ? " (line " + ex.line() + ")" : "");
        String action = ex.leftPartial()
                ? (ex.statementNumber() < 0 ? "The statements its code sent before it failed"
                        : "The statements before " + statement) + " stay applied, and later starts refuse to run the"
                        + " revision again until it is resolved: finish its remaining statements by hand and stamp it"
                        + " (--samokoder.migrations.command=\"stamp " + ex.revision() + "\"), or undo what it applied,"
                        + " fix " + statement + " and start once with samokoder.migrations.retry-partial=true."
                : "Fix " + statement + " and restart; revisions that completed stay applied, and the failed one runs"
                        + " again. To start without migrating meanwhile, set samokoder.migrations.mode=validate.";
        return new FailureAnalysis(description.toString(), action, ex);
    }
}
