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
        StringBuilder out = new StringBuilder(url.length());
        int copied = 0;
        for (int[] span : secretSpans(url)) {
            out.append(url, copied, span[0]).append("***");
            copied = span[1];
        }
        return out.append(url, copied, url.length()).toString();
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
        if (url != null) {
            for (int[] span : secretSpans(url)) {
                if (span[1] > span[0]) {
                    secrets.add(url.substring(span[0], span[1]));
                }
            }
        }
        return secrets;
    }

    /**
     * Where the URL holds a password, in order and not overlapping: between {@code //user:} and
     * {@code @}, and each {@code password=} parameter's value (up to {@code &} or {@code ;}); a span
     * may be empty.
     */
    private static List<int[]> secretSpans(String url) {
        List<int[]> spans = new ArrayList<>();
        int scheme = url.indexOf("//");
        if (scheme >= 0) {
            int hostEnd = indexOfAny(url, scheme + 2, "/?;");
            int at = url.lastIndexOf('@', hostEnd < 0 ? url.length() : hostEnd);
            int colon = url.indexOf(':', scheme + 2);
            if (at > scheme && colon > 0 && colon < at) {
                spans.add(new int[] {colon + 1, at});
            }
        }
        int[] userInfo = spans.isEmpty() ? new int[] {0, 0} : spans.get(0);
        int covered = 0;
        String lower = url.toLowerCase(java.util.Locale.ROOT);
        for (int key = lower.indexOf("password="); key >= 0; key = lower.indexOf("password=", key + 1)) {
            if (key < covered || (key >= userInfo[0] && key < userInfo[1])) {
                continue;
            }
            int valueStart = key + "password=".length();
            int valueEnd = indexOfAny(url, valueStart, "&;");
            covered = valueEnd < 0 ? url.length() : valueEnd;
            spans.add(new int[] {valueStart, covered});
        }
        spans.sort((a, b) -> Integer.compare(a[0], b[0]));
        return spans;
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
