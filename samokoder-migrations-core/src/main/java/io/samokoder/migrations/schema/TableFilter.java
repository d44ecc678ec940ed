package io.samokoder.migrations.schema;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Which tables autogenerate looks at: every table except the engine's own (the version and log tables)
 * and those the user excludes by name or by a pattern with {@code *} and {@code ?} wildcards, matched
 * case-insensitively, e.g. {@code legacy_*}.
 */
public final class TableFilter {

    private final List<Pattern> excluded;

    private TableFilter(List<Pattern> excluded) {
        this.excluded = List.copyOf(excluded);
    }

    /**
     * A filter leaving out these names and patterns.
     *
     * @param exclusions table names or patterns with {@code *} (any run of characters) and {@code ?} (one
     *                   character)
     */
    public static TableFilter excluding(List<String> exclusions) {
        return new TableFilter(exclusions.stream().map(TableFilter::compile).toList());
    }

    /** This filter, also leaving out these names and patterns. */
    public TableFilter andExcluding(List<String> exclusions) {
        List<Pattern> all = new java.util.ArrayList<>(excluded);
        exclusions.forEach(e -> all.add(compile(e)));
        return new TableFilter(all);
    }

    /** Whether the table is looked at. */
    public boolean includes(String table) {
        String name = table.toLowerCase(Locale.ROOT);
        for (Pattern pattern : excluded) {
            if (pattern.matcher(name).matches()) {
                return false;
            }
        }
        return true;
    }

    /**
     * The schema without the tables this filter leaves out, nor the sequences it would leave out by their
     * names: the database's side is read by the same rule, so an excluded table's sequence
     * ({@code tags_seq} for {@code tags_*}) is left out on both sides.
     */
    public Schema apply(Schema schema) {
        return new Schema(schema.tables().stream().filter(t -> includes(t.name())).toList(),
                schema.sequences().stream().filter(s -> includes(s.name())).toList());
    }

    private static Pattern compile(String glob) {
        if (glob == null || glob.isBlank()) {
            throw new IllegalArgumentException("A table exclusion must be a table name or a pattern such as"
                    + " legacy_*; it was blank");
        }
        StringBuilder regex = new StringBuilder();
        for (char c : glob.toLowerCase(Locale.ROOT).toCharArray()) {
            switch (c) {
                case '*' -> regex.append(".*");
                case '?' -> regex.append('.');
                default -> regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString());
    }
}
