package io.samokoder.migrations.script;

/**
 * Why a quote was left open when a part is read with PostgreSQL's rules, where the part has what MariaDB and
 * MySQL read differently: a {@code #} comment (code here, so a quote in it opens a string) or a quote escaped
 * with a backslash ({@code 'O\'Brien'}, the string's end here).
 */
final class OpenQuoteHint {

    private OpenQuoteHint() {
    }

    /**
     * The hint for {@code text[start, end)}, whose first line is {@code firstLine}, to follow an error's fix:
     * {@code ; line 7 starts with #, ...}; the empty string when the part has neither.
     */
    static String of(String text, int start, int end, int firstLine) {
        for (int k = start; k < end; k++) {
            if (text.charAt(k) == '#' && onlyBlanksBefore(text, start, k) && quoteOnLine(text, k, end)) {
                return "; line " + line(text, start, k, firstLine) + " starts with #, which is not a comment here"
                        + " (only MariaDB and MySQL read it as one), so its quote opens a string: write the comment"
                        + " with -- instead";
            }
        }
        int escaped = text.indexOf("\\'", start);
        if (escaped >= 0 && escaped < end) {
            return "; line " + line(text, start, escaped, firstLine) + " escapes a quote with a backslash (\\'),"
                    + " which only MariaDB and MySQL read so: write a quote inside a string as '' instead";
        }
        return "";
    }

    private static boolean quoteOnLine(String text, int index, int end) {
        for (int k = index; k < end && text.charAt(k) != '\n'; k++) {
            if (text.charAt(k) == '\'' || text.charAt(k) == '"') {
                return true;
            }
        }
        return false;
    }

    private static boolean onlyBlanksBefore(String text, int start, int index) {
        for (int k = index - 1; k >= start && text.charAt(k) != '\n'; k--) {
            if (text.charAt(k) != ' ' && text.charAt(k) != '\t') {
                return false;
            }
        }
        return true;
    }

    private static int line(String text, int start, int index, int firstLine) {
        int line = firstLine;
        for (int k = start; k < index; k++) {
            if (text.charAt(k) == '\n') {
                line++;
            }
        }
        return line;
    }
}
