package io.samokoder.migrations.runtime;

import java.util.regex.Pattern;

/**
 * Removes credentials from text that may come from a driver (exception messages can quote a JDBC URL
 * or connection properties): {@code password=...} parameters and {@code user:password@} in URLs.
 */
final class Redactor {

    /** MariaDB's and MySQL's "(using password: YES)" / "(... NO)" says whether one was sent: it stays. */
    private static final Pattern PASSWORD_PARAMETER = Pattern.compile("(?i)((?:password|passwd|pwd|secret|token)"
            + "\\s*[=:]\\s*+)(?!(?:YES|NO)\\))('[^']*'|\"[^\"]*\"|[^&;,\\s)]*)");
    private static final Pattern URL_USER_INFO = Pattern.compile("(//[^/@\\s:]*:)[^@\\s/]*@");

    private Redactor() {
    }

    static String redact(String text) {
        if (text == null) {
            return "";
        }
        String result = PASSWORD_PARAMETER.matcher(text).replaceAll("$1***");
        return URL_USER_INFO.matcher(result).replaceAll("$1***@");
    }
}
