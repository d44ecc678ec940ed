package io.samokoder.migrations.plan;

import io.samokoder.migrations.graph.RevisionException;
import java.util.List;

/**
 * A history range {@code start:end} (spec §6.7) with {@code current} replaced by the version rows,
 * as the two arguments Alembic's {@code walk_revisions} receives.
 *
 * @param lower the lower bound ({@code base} when absent)
 * @param upper the upper bound ({@code heads} when absent)
 */
record HistoryRange(RevisionArg lower, RevisionArg upper) {

    static final String FORMAT_MESSAGE = "History range requires [start]:[end], [start]:, or :[end]";

    /** Parses a range; {@code null} or blank means the whole history. */
    static HistoryRange parse(String range, List<String> rows) {
        String start = null;
        String end = null;
        if (range != null && !range.isBlank()) {
            if (range.indexOf(':') < 0) {
                throw new RevisionException(FORMAT_MESSAGE);
            }
            String[] parts = range.strip().split(":", -1);
            if (parts.length != 2) {
                throw new RevisionException(FORMAT_MESSAGE);
            }
            start = parts[0];
            end = parts[1];
        }
        RevisionArg lower;
        RevisionArg upper;
        if ("current".equals(end)) {
            lower = bound(start, "base");
            upper = rows.isEmpty() ? RevisionArg.of("heads") : RevisionArg.rows(rows);
        } else if ("current".equals(start)) {
            lower = rows.isEmpty() ? RevisionArg.of("base") : RevisionArg.rows(rows);
            upper = bound(end, "heads");
        } else {
            lower = bound(start, "base");
            upper = bound(end, "heads");
        }
        return new HistoryRange(lower, upper);
    }

    private static RevisionArg bound(String value, String fallback) {
        return RevisionArg.of(value == null || value.isEmpty() ? fallback : value);
    }
}
