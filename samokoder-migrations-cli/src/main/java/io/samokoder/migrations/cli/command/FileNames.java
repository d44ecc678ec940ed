package io.samokoder.migrations.cli.command;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;

/**
 * The file name of a new script: Alembic's slug (spec §6.4) and its {@code file_template} with the
 * Python {@code %}-format tokens {@code %(rev)s %(slug)s %(epoch)s %(year)d %(month).2d %(day).2d
 * %(hour).2d %(minute).2d %(second).2d} (and {@code %%}), followed by {@code .sql}.
 */
final class FileNames {

    /** Alembic's default {@code file_template}. */
    static final String DEFAULT_TEMPLATE = "%(rev)s_%(slug)s";

    private static final int TRUNCATE_SLUG_LENGTH = 40;

    private FileNames() {
    }

    /**
     * The words of the message, lower-cased, joined with {@code _}, cut at a word boundary after 40 characters:
     * Alembic's slug. A word is what Python's {@code \w+} matches (letters, digits and other numbers such as
     * {@code ²} and {@code ½}, and {@code _}; not combining marks or joiners), each lower-cased as Python's
     * {@code str.lower()} does (a final sigma is {@code ς}); lengths count characters (code points).
     */
    static String slug(String message) {
        String text = message == null ? "" : message;
        StringBuilder slug = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            int start = i;
            while (i < text.length() && isWordChar(text.codePointAt(i))) {
                i += Character.charCount(text.codePointAt(i));
            }
            if (i > start) {
                slug.append(slug.length() > 0 ? "_" : "");
                lower(text.substring(start, i), slug);
            } else {
                i += Character.charCount(text.codePointAt(i));
            }
        }
        String value = slug.toString();
        if (value.codePointCount(0, value.length()) > TRUNCATE_SLUG_LENGTH) {
            String cut = value.substring(0, value.offsetByCodePoints(0, TRUNCATE_SLUG_LENGTH));
            int underscore = cut.lastIndexOf('_');
            value = (underscore < 0 ? cut : cut.substring(0, underscore)) + "_";
        }
        return value;
    }

    /**
     * Appends the word lower-cased as Python's {@code str.lower()}: a capital sigma that ends a word (a cased
     * letter before it, none after it, ignoring marks) is the final {@code ς}, also before {@code _}, where
     * Java's word-based rule writes {@code σ}.
     */
    private static void lower(String word, StringBuilder out) {
        for (int i = 0; i < word.length(); i += Character.charCount(word.codePointAt(i))) {
            int codePoint = word.codePointAt(i);
            if (codePoint == 'Σ') {
                out.append(cased(word, i, -1) && !cased(word, i + 1, 1) ? 'ς' : 'σ');
            } else {
                out.append(new String(Character.toChars(codePoint)).toLowerCase(Locale.ROOT));
            }
        }
    }

    /** Whether a cased letter comes first from {@code from} in the direction given, skipping marks. */
    private static boolean cased(String word, int from, int direction) {
        int i = direction < 0 ? from - 1 : from;
        while (i >= 0 && i < word.length()) {
            char c = word.charAt(i);
            int type = Character.getType(c);
            if (type != Character.NON_SPACING_MARK && type != Character.ENCLOSING_MARK && type != Character.FORMAT
                    && type != Character.MODIFIER_LETTER && type != Character.MODIFIER_SYMBOL
                    && !Character.isSurrogate(c)) {
                return Character.isUpperCase(c) || Character.isLowerCase(c) || Character.isTitleCase(c);
            }
            i += direction;
        }
        return false;
    }

    /** Python's {@code \w} on a {@code str}: {@code str.isalnum()} or {@code _}. */
    private static boolean isWordChar(int codePoint) {
        if (codePoint == '_' || Character.isLetter(codePoint)) {
            return true;
        }
        int type = Character.getType(codePoint);
        return type == Character.DECIMAL_DIGIT_NUMBER || type == Character.LETTER_NUMBER
                || type == Character.OTHER_NUMBER;
    }

    /**
     * The file name for a revision.
     *
     * @throws CommandFailedException naming the template when it has an unknown token or format
     */
    static String fileName(String template, String revision, String message, LocalDateTime created) {
        String pattern = template == null ? DEFAULT_TEMPLATE : template;
        Map<String, Object> values = Map.of("rev", revision, "slug", slug(message),
                "epoch", created.atZone(ZoneId.systemDefault()).toEpochSecond(), "year", created.getYear(),
                "month", created.getMonthValue(), "day", created.getDayOfMonth(), "hour", created.getHour(),
                "minute", created.getMinute(), "second", created.getSecond());
        StringBuilder name = new StringBuilder();
        int i = 0;
        while (i < pattern.length()) {
            char c = pattern.charAt(i);
            if (c != '%') {
                name.append(c);
                i++;
                continue;
            }
            if (i + 1 < pattern.length() && pattern.charAt(i + 1) == '%') {
                name.append('%');
                i += 2;
                continue;
            }
            int close = pattern.indexOf(')', i);
            if (i + 1 >= pattern.length() || pattern.charAt(i + 1) != '(' || close < 0) {
                throw invalid(pattern, "'%' at position " + (i + 1) + " is not followed by '(name)'");
            }
            String key = pattern.substring(i + 2, close);
            Object value = values.get(key);
            if (value == null) {
                throw invalid(pattern, "unknown token '" + key + "'");
            }
            int j = close + 1;
            int specStart = j;
            while (j < pattern.length() && "0123456789.-".indexOf(pattern.charAt(j)) >= 0) {
                j++;
            }
            if (j >= pattern.length() || "sd".indexOf(pattern.charAt(j)) < 0) {
                throw invalid(pattern, "token '" + key + "' needs a conversion 's' or 'd', as in %(" + key + ")s");
            }
            name.append(format(pattern, key, value, pattern.substring(specStart, j), pattern.charAt(j)));
            i = j + 1;
        }
        if (name.indexOf("/") >= 0 || name.indexOf("\\") >= 0) {
            throw invalid(pattern, "a file name cannot contain a directory separator");
        }
        return name + ".sql";
    }

    /**
     * The class name of a Java revision: the file name the template gives, without {@code .sql},
     * with every character a Java name cannot hold replaced by {@code _}, and {@code R} in front
     * when it does not start with a letter (e.g. {@code R3f2a9c1b7d4e_add_users}).
     */
    static String className(String template, String revision, String message, LocalDateTime created) {
        String file = fileName(template, revision, message, created);
        String base = file.substring(0, file.length() - ".sql".length());
        StringBuilder name = new StringBuilder(base.length() + 1);
        for (int i = 0; i < base.length(); i++) {
            char c = base.charAt(i);
            name.append(Character.isJavaIdentifierPart(c) && c != '$' ? c : '_');
        }
        if (name.isEmpty() || !Character.isLetter(name.charAt(0))) {
            name.insert(0, 'R');
        }
        return name.toString();
    }

    private static String format(String pattern, String key, Object value, String spec, char conversion) {
        if (conversion == 'd' && !(value instanceof Number)) {
            throw invalid(pattern, "token '" + key + "' is text; use %(" + key + ")s");
        }
        int dot = spec.indexOf('.');
        String widthPart = dot < 0 ? spec : spec.substring(0, dot);
        String precisionPart = dot < 0 ? "" : spec.substring(dot + 1);
        try {
            boolean left = widthPart.startsWith("-");
            boolean zero = !left && widthPart.startsWith("0");
            int width = widthPart.replace("-", "").isEmpty() ? 0 : Integer.parseInt(widthPart.replace("-", ""));
            int precision = precisionPart.isEmpty() ? -1 : Integer.parseInt(precisionPart);
            String text = String.valueOf(value);
            if (conversion == 'd' && precision > 0) {
                text = "0".repeat(Math.max(0, precision - text.length())) + text;
            } else if (conversion == 's' && precision >= 0 && precision < text.length()) {
                text = text.substring(0, precision);
            }
            if (text.length() < width) {
                String pad = (zero && conversion == 'd' ? "0" : " ").repeat(width - text.length());
                text = left ? text + pad : pad + text;
            }
            return text;
        } catch (NumberFormatException e) {
            throw invalid(pattern, "bad format '" + spec + "' for token '" + key + "'");
        }
    }

    private static CommandFailedException invalid(String pattern, String problem) {
        return new CommandFailedException("Invalid file template '" + pattern + "': " + problem + "; use the tokens"
                + " %(rev)s %(slug)s %(epoch)s %(year)d %(month).2d %(day).2d %(hour).2d %(minute).2d %(second).2d"
                + " (--file-template or samokoder.migrations.file-template)");
    }
}
