package io.samokoder.migrations.script;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The values of one script's header, by key, as {@link ScriptParser} finds them, and their reading as typed
 * values: id lists, revision ids (checked), booleans and durations, each failing with the file, the line and
 * how to write the value.
 */
final class ScriptHeader {

    /** The header keys, by their normalised (lower-case, single-spaced) spelling. */
    enum Key {
        REVISION_ID("Revision ID"),
        REVISES("Revises"),
        CREATE_DATE("Create Date"),
        BRANCH_LABELS("Branch Labels"),
        DEPENDS_ON("Depends On"),
        TRANSACTIONAL("Transactional"),
        LOCK_TIMEOUT("Lock Timeout"),
        STATEMENT_TIMEOUT("Statement Timeout"),
        DEFERRED("Deferred"),
        PHASE("Phase"),
        PLACEHOLDERS("Placeholders"),
        SQUASHES("Squashes"),
        SQUASHED_CHECKSUM("Squashed Checksum");

        final String label;
        /** The label in lower case, as a header key is compared. */
        final String lower;

        Key(String label) {
            this.label = label;
            this.lower = label.toLowerCase(Locale.ROOT);
        }
    }

    static final Key[] KEY_VALUES = Key.values();

    static final Map<String, Key> KEYS = new HashMap<>();
    static final String KNOWN_KEYS;

    static {
        List<String> labels = new ArrayList<>();
        for (Key key : Key.values()) {
            KEYS.put(key.label.toLowerCase(Locale.ROOT), key);
            labels.add(key.label);
        }
        KNOWN_KEYS = String.join(", ", labels);
    }

    private static final String FORBIDDEN_ID_CHARS = "@-+:";

    private final String file;
    private final String[] values = new String[KEY_VALUES.length];
    private final int[] lines = new int[KEY_VALUES.length];

    ScriptHeader(String file) {
        this.file = file;
    }

    /** Whether the key was given. */
    boolean has(Key key) {
        return this.values[key.ordinal()] != null;
    }

    /** The key's value (stripped), or null when it was not given. */
    String value(Key key) {
        return this.values[key.ordinal()];
    }

    /** The line the key was given on. */
    int line(Key key) {
        return this.lines[key.ordinal()];
    }

    /** Records the key's value, given on this line. */
    void put(Key key, String value, int line) {
        this.values[key.ordinal()] = value;
        this.lines[key.ordinal()] = line;
    }

    List<String> list(Key key) {
        String value = this.values[key.ordinal()];
        if (value == null || value.isEmpty()) {
            return List.of();
        }
        if (value.indexOf(',') < 0) {
            // One item, already stripped: an immutable list that Revision keeps without copying.
            return List.of(value);
        }
        List<String> items = new ArrayList<>();
        int start = 0;
        while (start <= value.length()) {
            int comma = value.indexOf(',', start);
            int stop = comma < 0 ? value.length() : comma;
            String item = value.substring(start, stop).strip();
            if (!item.isEmpty()) {
                items.add(item);
            }
            start = stop + 1;
        }
        return items;
    }

    void checkId(String id, int line, String key) {
        boolean plain = true;
        for (int i = 0; i < id.length() && plain; i++) {
            char c = id.charAt(i);
            plain = c != ',' && FORBIDDEN_ID_CHARS.indexOf(c) < 0 && !Character.isWhitespace(c);
        }
        if (plain) {
            return;
        }
        Set<Character> bad = new TreeSet<>();
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (FORBIDDEN_ID_CHARS.indexOf(c) >= 0) {
                bad.add(c);
            }
        }
        if (!bad.isEmpty()) {
            StringBuilder chars = new StringBuilder();
            for (Character c : bad) {
                if (chars.length() > 0) {
                    chars.append(", ");
                }
                chars.append(c);
            }
            throw error(line, "Character(s) '" + chars + "' not allowed in revision identifier '" + id
                    + "'; revision ids may not contain @ - + : (use letters, digits and _)");
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (Character.isWhitespace(c) || c == ',') {
                throw error(line, "'" + key + "' value '" + id + "' is not a single revision identifier; "
                        + "an id has no blanks or commas");
            }
        }
    }

    boolean bool(Key key, boolean defaultValue) {
        String value = this.values[key.ordinal()];
        if (value == null) {
            return defaultValue;
        }
        if (value.equalsIgnoreCase("true")) {
            return true;
        }
        if (value.equalsIgnoreCase("false")) {
            return false;
        }
        throw error(this.lines[key.ordinal()], "Invalid " + key.label + " '" + value + "'; use true or false");
    }

    /** The revision's phase: {@code Phase} ({@code expand} or {@code contract}), {@code expand} when not given. */
    Phase phase() {
        String value = this.values[Key.PHASE.ordinal()];
        if (value == null || value.equalsIgnoreCase("expand")) {
            return Phase.EXPAND;
        }
        if (value.equalsIgnoreCase("contract")) {
            return Phase.CONTRACT;
        }
        throw error(this.lines[Key.PHASE.ordinal()], "Invalid Phase '" + value + "'; use expand or contract (a data"
                + " migration between them is a revision with 'Deferred: true')");
    }

    Duration duration(Key key) {
        String value = this.values[key.ordinal()];
        if (value == null) {
            return null;
        }
        Duration parsed = Durations.parse(value);
        if (parsed == null) {
            throw error(this.lines[key.ordinal()], "Invalid " + key.label + " '" + value + "'; " + Durations.FORMS);
        }
        return parsed;
    }

    private ScriptFormatException error(int line, String problem) {
        return new ScriptFormatException(this.file, line, problem);
    }
}
