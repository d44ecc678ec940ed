package io.samokoder.migrations.script;

/**
 * The docstring of an SQL script, as Alembic's {@code -v} output shows a script's: its leading {@code --}
 * comment lines (see {@link RevisionScript#docstring()}).
 */
final class ScriptDocstring {

    private ScriptDocstring() {
    }

    /** The docstring of the script {@code text}. */
    static String of(String text) {
        int length = text.length();
        StringBuilder doc = new StringBuilder();
        boolean started = false;
        int pos = 0;
        while (pos < length) {
            int eol = text.indexOf('\n', pos);
            if (eol < 0) {
                eol = length;
            }
            int first = pos;
            while (first < eol && (text.charAt(first) == ' ' || text.charAt(first) == '\t')) {
                first++;
            }
            if (first == eol && !started) {
                pos = eol + 1;
                continue;
            }
            if (first + 1 >= eol || text.charAt(first) != '-' || text.charAt(first + 1) != '-') {
                break;
            }
            int from = first + 2;
            if (from < eol && text.charAt(from) == ' ') {
                from++;
            }
            String line = text.substring(from, eol).stripTrailing();
            if (isMarker(line)) {
                break;
            }
            started = true;
            doc.append(line).append('\n');
            pos = eol + 1;
        }
        return doc.toString().strip();
    }

    private static boolean isMarker(String line) {
        StringBuilder compact = new StringBuilder(line.length());
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c != ' ' && c != '\t') {
                compact.append(Character.toLowerCase(c));
            }
        }
        String s = compact.toString();
        return s.equals("migrate:upgrade") || s.equals("migrate:downgrade");
    }
}
