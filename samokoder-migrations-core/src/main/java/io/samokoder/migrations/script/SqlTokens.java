package io.samokoder.migrations.script;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One SQL statement as a database reads it, in tokens, for tools that look at what a statement does (the
 * linter): words, quoted names, strings and punctuation, without blanks; comments are kept apart. The rules are
 * those the splitter uses: PostgreSQL's and H2's, or MySQL's (MariaDB's and MySQL's default SQL mode).
 *
 * @param tokens   the statement's tokens, in order
 * @param comments the text of its comments ({@code --} and block comments, MySQL's {@code #}), without their
 *                 delimiters, stripped
 */
public record SqlTokens(List<Token> tokens, List<String> comments) {

    /** What a token is. */
    public enum Kind {
        /** A keyword or an unquoted name. */
        WORD,
        /** A quoted name: {@code "..."}, MySQL's {@code `...`}. */
        NAME,
        /** A string literal, a dollar-quoted string, or (MySQL) a {@code "..."} string. */
        STRING,
        /** {@code (} */
        OPEN,
        /** {@code )} */
        CLOSE,
        /** Any other character: operators, digits, commas; a MySQL executable comment as one token. */
        SYMBOL
    }

    /**
     * One token.
     *
     * @param kind what it is
     * @param text its text as written
     */
    public record Token(Kind kind, String text) {

        /** Whether this is the unquoted word {@code keyword} (lower-case ASCII) in any ASCII case. */
        public boolean is(String keyword) {
            if (this.kind != Kind.WORD || this.text.length() != keyword.length()) {
                return false;
            }
            for (int i = 0; i < keyword.length(); i++) {
                char c = this.text.charAt(i);
                char lower = c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
                if (lower != keyword.charAt(i)) {
                    return false;
                }
            }
            return true;
        }

        /** Whether this is the one-character symbol {@code c}. */
        public boolean is(char c) {
            return this.kind == Kind.SYMBOL && this.text.length() == 1 && this.text.charAt(0) == c;
        }

        /**
         * The name this token stands for, compared as the databases compare names within one statement: an
         * unquoted word in lower case, a quoted name without its quotes (doubled quotes made single).
         */
        public String name() {
            if (this.kind == Kind.NAME && this.text.length() >= 2) {
                char quote = this.text.charAt(0);
                String inner = this.text.substring(1, this.text.length() - 1);
                return inner.replace(String.valueOf(quote) + quote, String.valueOf(quote));
            }
            return this.text.toLowerCase(Locale.ROOT);
        }
    }

    /** Copies the lists. */
    public SqlTokens {
        tokens = List.copyOf(tokens);
        comments = List.copyOf(comments);
    }

    /**
     * The tokens of {@code sql}.
     *
     * @param sql   one statement (as {@link SqlStatement#sql()} holds it)
     * @param mysql whether to read it with MySQL's rules ({@code #} comments, backslash escapes, backticks)
     * @throws ScriptFormatException if a string, quoted name or comment is not terminated
     */
    public static SqlTokens of(String sql, boolean mysql) {
        SqlLexer lexer = new SqlLexer("statement", sql, 0, sql.length(), 1, mysql);
        List<Token> tokens = new ArrayList<>();
        List<String> comments = new ArrayList<>();
        while (true) {
            SqlLexer.Kind kind = lexer.next();
            if (kind == SqlLexer.Kind.END) {
                break;
            }
            String text = sql.substring(lexer.tokenStart(), lexer.tokenEnd());
            switch (kind) {
                case SPACE, SEMICOLON -> {
                }
                case COMMENT -> comments.add(commentText(text));
                case WORD -> tokens.add(new Token(Kind.WORD, text));
                case QUOTED -> tokens.add(new Token(quotedKind(text, mysql), text));
                case DOLLAR -> tokens.add(new Token(Kind.STRING, text));
                case OPEN -> tokens.add(new Token(Kind.OPEN, text));
                case CLOSE -> tokens.add(new Token(Kind.CLOSE, text));
                default -> tokens.add(new Token(Kind.SYMBOL, text));
            }
        }
        return new SqlTokens(tokens, comments);
    }

    private static Kind quotedKind(String text, boolean mysql) {
        char first = text.charAt(0);
        if (first == '`' || (first == '"' && !mysql)) {
            return Kind.NAME;
        }
        return Kind.STRING;
    }

    private static String commentText(String text) {
        if (text.startsWith("--")) {
            return text.substring(2).strip();
        }
        if (text.startsWith("#")) {
            return text.substring(1).strip();
        }
        return text.substring(2, Math.max(2, text.length() - 2)).strip();
    }
}
