package io.samokoder.migrations.script;

import java.time.Duration;
import java.util.Locale;

/**
 * A revision's own timeouts as written (the script header's {@code Lock Timeout:}, a Java revision's
 * {@code @Revision(lockTimeout)}): a whole number with {@code ms}, {@code s}, {@code min} or {@code h}, or
 * {@code 0}.
 */
public final class Durations {

    /** What to write instead of a text that {@link #parse} refuses. */
    public static final String FORMS = "use a whole number with a unit, such as 500ms, 5s, 2min or 1h (at most 24"
            + " days), or 0 to disable";

    private static final long MAX_MILLIS = 24L * 24 * 60 * 60 * 1000;

    private Durations() {
    }

    /** A duration as {@link #parse} reads it: {@code 0}, {@code 2h}, {@code 5min}, {@code 30s} or {@code 500ms}. */
    public static String format(Duration duration) {
        long millis = duration.toMillis();
        if (millis == 0) {
            return "0";
        }
        if (millis % 3_600_000 == 0) {
            return millis / 3_600_000 + "h";
        }
        if (millis % 60_000 == 0) {
            return millis / 60_000 + "min";
        }
        return millis % 1000 == 0 ? millis / 1000 + "s" : millis + "ms";
    }

    /** The duration, or {@code null} if the text is not one of the accepted forms (or above 24 days). */
    public static Duration parse(String text) {
        String value = text.strip().toLowerCase(Locale.ROOT);
        int digits = 0;
        while (digits < value.length() && value.charAt(digits) >= '0' && value.charAt(digits) <= '9') {
            digits++;
        }
        if (digits == 0 || digits > 10) {
            return null;
        }
        long amount = Long.parseLong(value.substring(0, digits));
        String unit = value.substring(digits).strip();
        long millis;
        switch (unit) {
            case "" -> {
                if (amount != 0) {
                    return null;
                }
                millis = 0;
            }
            case "ms" -> millis = amount;
            case "s" -> millis = amount * 1000;
            case "min" -> millis = amount * 60_000;
            case "h" -> millis = amount * 3_600_000;
            default -> {
                return null;
            }
        }
        return millis > MAX_MILLIS ? null : Duration.ofMillis(millis);
    }
}
