package io.samokoder.migrations.cli;

import java.util.ArrayList;
import java.util.List;

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

    /**
     * The secrets a driver's message may quote from this URL or these properties: the password of
     * {@code //user:password@} and of {@code password=} parameters, and the given password.
     */
    static List<String> secrets(String url, String password) {
        List<String> secrets = new ArrayList<>();
        if (password != null && !password.isEmpty()) {
            secrets.add(password);
        }
        if (url == null) {
            return secrets;
        }
        int scheme = url.indexOf("//");
        if (scheme >= 0) {
            int hostEnd = indexOfAny(url, scheme + 2, "/?;");
            int at = url.lastIndexOf('@', hostEnd < 0 ? url.length() : hostEnd);
            int colon = url.indexOf(':', scheme + 2);
            if (at > scheme && colon > 0 && colon < at - 1) {
                secrets.add(url.substring(colon + 1, at));
            }
        }
        String lower = url.toLowerCase(java.util.Locale.ROOT);
        for (int key = lower.indexOf("password="); key >= 0; key = lower.indexOf("password=", key + 1)) {
            int valueStart = key + "password=".length();
            int valueEnd = indexOfAny(url, valueStart, "&;");
            String value = url.substring(valueStart, valueEnd < 0 ? url.length() : valueEnd);
            if (!value.isEmpty()) {
                secrets.add(value);
            }
        }
        return secrets;
    }

    /**
     * The text with each secret replaced by {@code ***}: wherever it stands when it has at least four
     * characters, and before an {@code @} (as in {@code secret@host}) when shorter, so that a short
     * password does not blank out the letters of a message.
     */
    static String hide(String text, List<String> secrets) {
        if (text == null) {
            return null;
        }
        String hidden = text;
        for (String secret : secrets) {
            hidden = secret.length() >= 4 ? hidden.replace(secret, "***") : hidden.replace(secret + "@", "***@");
        }
        return hidden;
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
