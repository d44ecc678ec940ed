package io.samokoder.migrations.lint;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@link Linter#lint} found.
 *
 * @param database  the database whose rules were applied, e.g. {@code postgresql}
 * @param revisions the revisions looked at, in order
 * @param findings  the statements to look at again, in the revisions' order
 * @param notLinted revisions that could not be read without the database (Java revisions that inspect it), by id,
 *                  with the reason
 */
public record LintReport(String database, List<String> revisions, List<LintFinding> findings,
        Map<String, String> notLinted) {

    /** Copies the collections. */
    public LintReport {
        revisions = List.copyOf(revisions);
        findings = List.copyOf(findings);
        notLinted = Collections.unmodifiableMap(new LinkedHashMap<>(notLinted));
    }
}
