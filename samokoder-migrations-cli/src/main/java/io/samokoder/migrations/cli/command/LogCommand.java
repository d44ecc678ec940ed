package io.samokoder.migrations.cli.command;

import io.samokoder.migrations.LogEntry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code log [-n N] [--offset K]}: the log table's latest rows, newest first: every step run, stamp, repair, failed
 * attempt, repeatable script and revision left part-way, with when, how long, the database user and the outcome.
 * Reads the database, changes nothing; no Alembic command has it (Alembic keeps no log).
 *
 * @param limit how many rows at most
 * @param offset how many of the newest rows to pass over (the next page)
 */
public record LogCommand(int limit, int offset) implements MigrationCommand {

    /** The newest rows, none skipped. */
    public LogCommand(int limit) {
        this(limit, 0);
    }

    @Override
    public void run(Workspace workspace, Output output) {
        if (this.limit < 1) {
            throw new CommandFailedException("-n must be at least 1, was " + this.limit);
        }
        if (this.offset < 0) {
            throw new CommandFailedException("--offset must not be negative, was " + this.offset);
        }
        List<LogEntry> entries = workspace.database("log").log(this.limit, this.offset);
        if (output.json()) {
            List<Map<String, Object>> json = new ArrayList<>(entries.size());
            for (LogEntry e : entries) {
                Map<String, Object> one = new LinkedHashMap<>();
                one.put("id", e.id());
                one.put("revision", e.revision());
                one.put("direction", e.direction());
                one.put("outcome", e.outcome());
                one.put("startedAt", e.startedAt() == null ? null : e.startedAt().toString());
                one.put("durationMillis", e.durationMillis());
                one.put("databaseUser", e.databaseUser());
                one.put("message", e.message());
                one.put("revises", e.revises());
                one.put("checksum", e.checksum());
                one.put("error", e.error());
                json.add(one);
            }
            output.json(json);
            return;
        }
        for (LogEntry e : entries) {
            String text = e.startedAt() + "  " + e.direction() + "  " + (e.revision() == null ? "-" : e.revision())
                    + "  " + e.outcome() + "  " + e.durationMillis() + " ms  " + e.databaseUser()
                    + (e.message() == null ? "" : "  " + e.message());
            if (e.error() != null) {
                String error = e.error().strip();
                int newline = error.indexOf('\n');
                text += "  error: " + (newline < 0 ? error : error.substring(0, newline) + " ...");
            }
            output.line(text);
        }
    }
}
