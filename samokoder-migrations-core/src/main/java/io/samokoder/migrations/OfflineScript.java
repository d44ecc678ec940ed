package io.samokoder.migrations;

import java.util.List;

/**
 * An offline SQL script ({@code --sql}) and what it does, rendered without any connection.
 *
 * @param command upgrade, downgrade or stamp
 * @param range the range as given, e.g. {@code base:heads}
 * @param sql the script, as Alembic's offline mode writes it
 * @param rowsBefore the version rows the script starts from (the start of the range)
 * @param steps the steps the script takes, in order, each with the version rows around it
 * @param rowsAfter the version rows the script leaves (the heads it tracked)
 */
public record OfflineScript(Command command, String range, String sql, List<String> rowsBefore,
        List<PlannedStep> steps, List<String> rowsAfter) {

    public OfflineScript {
        rowsBefore = List.copyOf(rowsBefore);
        steps = List.copyOf(steps);
        rowsAfter = List.copyOf(rowsAfter);
    }
}
