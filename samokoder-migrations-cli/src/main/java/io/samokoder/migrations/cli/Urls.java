package io.samokoder.migrations.cli;

/** JDBC URLs as they may be shown: any password replaced by {@code ***}, as Alembic does. */
final class Urls {

    private Urls() {
    }

    static String mask(String url) {
        if (url == null) {
            return null;
        }
        String masked = url;
        int scheme = masked.indexOf("//");
        if (scheme >= 0) {
            int hostEnd = indexOfAny(masked, scheme + 2, "/?;");
            int at = masked.lastIndexOf('@', hostEnd < 0 ? masked.length() : hostEnd);
            if (at > scheme) {
                int colon = masked.indexOf(':', scheme + 2);
                if (colon > 0 && colon < at) {
                    masked = masked.substring(0, colon + 1) + "***" + masked.substring(at);
                }
            }
        }
        StringBuilder out = new StringBuilder(masked.length());
        int i = 0;
        String lower = masked.toLowerCase(java.util.Locale.ROOT);
        while (i < masked.length()) {
            int key = lower.indexOf("password=", i);
            if (key < 0) {
                out.append(masked, i, masked.length());
                break;
            }
            int valueStart = key + "password=".length();
            int valueEnd = indexOfAny(masked, valueStart, "&;");
            out.append(masked, i, valueStart).append("***");
            i = valueEnd < 0 ? masked.length() : valueEnd;
        }
        return out.toString();
    }

    private static int indexOfAny(String text, int from, String chars) {
        for (int i = from; i < text.length(); i++) {
            if (chars.indexOf(text.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }
}
