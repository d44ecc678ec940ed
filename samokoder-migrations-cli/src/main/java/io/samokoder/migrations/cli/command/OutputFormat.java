package io.samokoder.migrations.cli.command;

/** How a command writes its result: Alembic's text, or JSON for machines. */
public enum OutputFormat {
    /** Alembic's text formats. */
    TEXT,
    /** One JSON document. */
    JSON
}
