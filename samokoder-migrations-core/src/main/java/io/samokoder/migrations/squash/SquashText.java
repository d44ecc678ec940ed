package io.samokoder.migrations.squash;

import io.samokoder.migrations.MigrationException;
import io.samokoder.migrations.dialect.Dialect;
import io.samokoder.migrations.script.Durations;
import io.samokoder.migrations.script.RevisionScript;
import io.samokoder.migrations.script.ScriptLoader;
import io.samokoder.migrations.script.SqlStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The text of a squash, as {@link Squasher} decides it: each revision's part under a comment naming it (as written
 * where that reads back alone, else statement by statement), the header, and the read-back of the whole.
 */
final class SquashText {

    private final Dialect dialect;

    SquashText(Dialect dialect) {
        this.dialect = dialect;
    }

    private List<SqlStatement> statements(RevisionScript script, boolean upgrade) {
        try {
            return script.offlineStatements(upgrade, this.dialect);
        } catch (MigrationException e) {
            throw new SquashException("Cannot squash revision " + script.id() + " (" + script.description() + "): "
                    + e.getMessage() + ". Squash up to a revision below it, or make it one that does not read the"
                    + " database", e);
        }
    }

    /**
     * A revision's part under a comment naming it: as written (comments included) when it reads back alone as the
     * statements it runs, with a terminator added after an unterminated last statement; else its statements, each
     * with its terminator.
     */
    Group group(RevisionScript script, boolean upgrade, boolean asWritten) {
        List<String> sql = sql(statements(script, upgrade));
        String title = "-- " + script.id() + ": " + oneLine(script.message().isBlank() ? script.description()
                : script.message()) + "\n";
        if (asWritten && script.code().isEmpty()) {
            String written = script.partText(upgrade).strip();
            for (String candidate : List.of(written, written + "\n;")) {
                if (readsAlone(candidate, sql)) {
                    return new Group(title + (candidate.isEmpty() ? "" : candidate + "\n") + "\n", sql);
                }
            }
        }
        StringBuilder text = new StringBuilder(title);
        for (String body : sql) {
            text.append(SqlStatement.terminated(body, true)).append('\n');
        }
        if (sql.isEmpty()) {
            text.append('\n');
        }
        return new Group(text.toString(), sql);
    }

    /** Whether a part's text, followed by a statement of another revision, reads as its statements and that one. */
    private boolean readsAlone(String part, List<String> sql) {
        String probe = "SELECT 'next revision'";
        try {
            RevisionScript script = ScriptLoader.parse("squash", "-- probe\n--\n-- Revision ID: probe\n\n"
                    + "-- migrate:upgrade\n" + part + "\n-- next\n" + probe + ";\n");
            List<String> read = sql(script.offlineStatements(true, this.dialect));
            List<String> expected = new ArrayList<>(sql);
            expected.add(probe);
            return read.equals(expected);
        } catch (MigrationException e) {
            return false;
        }
    }

    static String oneLine(String text) {
        return text.strip().replaceAll("\\s*\\R\\s*", " ");
    }

    /** The header of the squash of {@code id}, which replaces these scripts. */
    static String header(String message, String id, String createDate, Set<String> labels, Parts parts,
            List<RevisionScript> replaced) {
        StringBuilder h = new StringBuilder();
        h.append("-- ").append(message).append("\n--\n");
        h.append("-- Revision ID: ").append(id).append('\n');
        h.append("-- Revises:\n");
        h.append("-- Create Date: ").append(createDate).append('\n');
        if (!labels.isEmpty()) {
            h.append("-- Branch Labels: ").append(String.join(", ", labels)).append('\n');
        }
        if (!parts.transactional) {
            h.append("-- Transactional: false\n");
        }
        if (!parts.placeholders) {
            h.append("-- Placeholders: false\n");
        }
        if (parts.lockTimeout != null) {
            h.append("-- Lock Timeout: ").append(Durations.format(parts.lockTimeout)).append('\n');
        }
        if (parts.statementTimeout != null) {
            h.append("-- Statement Timeout: ").append(Durations.format(parts.statementTimeout)).append('\n');
        }
        Set<String> squashed = new LinkedHashSet<>();
        List<String> checksums = new ArrayList<>();
        for (RevisionScript script : replaced) {
            script.squash().ifPresent(s -> squashed.addAll(s.revisions()));
            if (script.id().equals(id)) {
                checksums.add(checksum(script));
                script.squash().ifPresent(s -> checksums.addAll(s.checksums()));
            } else {
                squashed.add(script.id());
            }
        }
        h.append("-- Squashes: ").append(String.join(", ", squashed)).append('\n');
        h.append("-- Squashed Checksum: ").append(String.join(", ", checksums)).append("\n\n");
        return h.toString();
    }

    private static String checksum(RevisionScript script) {
        try {
            return script.checksum();
        } catch (MigrationException e) {
            throw new SquashException("Cannot squash revision " + script.id() + " (" + script.description() + "): "
                    + e.getMessage(), e);
        }
    }

    /** The written script, read back, when it gives the statements it was made of; else {@code null}. */
    RevisionScript readBack(String text, String description, Parts parts) {
        try {
            RevisionScript squashed = ScriptLoader.parse(description, text);
            List<String> up = sql(squashed.offlineStatements(true, this.dialect));
            List<String> down = squashed.reversible() ? sql(squashed.offlineStatements(false, this.dialect))
                    : List.of();
            return up.equals(parts.statements(parts.upgrade)) && down.equals(parts.statements(parts.downgrade))
                    ? squashed : null;
        } catch (MigrationException e) {
            return null;
        }
    }

    static List<String> sql(List<SqlStatement> statements) {
        List<String> sql = new ArrayList<>(statements.size());
        for (SqlStatement statement : statements) {
            String text = statement.sql().strip();
            if (!text.isEmpty()) {
                sql.add(text);
            }
        }
        return sql;
    }

    /** One revision's statements as written into a part. */
    record Group(String text, List<String> sql) {
    }

    /** The parts being written. */
    static final class Parts {
        final List<Group> upgrade = new ArrayList<>();
        final List<Group> downgrade = new ArrayList<>();
        final List<String> notes = new ArrayList<>();
        boolean transactional;
        /** Whether the squash's {@code ${name}} placeholders are replaced ({@code Placeholders}). */
        boolean placeholders = true;
        Duration lockTimeout;
        Duration statementTimeout;

        String body() {
            StringBuilder body = new StringBuilder("-- migrate:upgrade\n\n");
            for (Group group : this.upgrade) {
                body.append(group.text());
            }
            if (!this.downgrade.isEmpty()) {
                body.append("-- migrate:downgrade\n\n");
                for (Group group : this.downgrade) {
                    body.append(group.text());
                }
            }
            return body.toString().stripTrailing() + "\n";
        }

        List<String> statements(List<Group> groups) {
            List<String> sql = new ArrayList<>();
            for (Group group : groups) {
                sql.addAll(group.sql());
            }
            return sql;
        }
    }
}
