package io.samokoder.migrations.script;

import io.samokoder.migrations.dialect.Dialect;

/**
 * A PostgreSQL-flavoured SQL tokenizer over a range of a script's text (line endings already
 * {@code \n}). It knows exactly what is needed to find statement ends and comments: single-quoted
 * strings ({@code ''} doubled), {@code E'...'} strings with backslash escapes, double-quoted
 * identifiers ({@code ""} doubled), {@code --} line comments, nested block comments, dollar quotes
 * ({@code $$...$$}, {@code $tag$...$tag$}; {@code $1} is a parameter), MySQL's executable comments
 * ({@code /*!...*}{@code /}), words and parentheses.
 * Strings are assumed to follow {@code standard_conforming_strings = on}. With MySQL's rules (for MariaDB and
 * MySQL) a backslash escapes the next character in every {@code '...'} and {@code "..."} string (a
 * {@code "..."} is a string there), {@code #} starts a comment to the end of the line, and backticks quote a
 * name ({@code ``} doubled). A session's SQL mode can change two of those rules ({@link #NO_BACKSLASH_ESCAPES},
 * {@link #ANSI_QUOTES}).
 */
final class SqlLexer {

    /** PostgreSQL's and H2's rules. */
    static final int STANDARD = 0;
    /** MySQL's rules, as MariaDB and MySQL read SQL by default. */
    static final int MYSQL = 1;
    /** With {@link #MYSQL}: a backslash is a character like any other in strings ({@code NO_BACKSLASH_ESCAPES}). */
    static final int NO_BACKSLASH_ESCAPES = 2;
    /** With {@link #MYSQL}: {@code "..."} quotes a name, not a string (the SQL mode {@code ANSI_QUOTES}). */
    static final int ANSI_QUOTES = 4;

    /** The rules a database reads SQL with: its own, in its session's SQL mode. */
    static int rules(Dialect dialect) {
        if (!dialect.mysqlLexicalRules()) {
            return STANDARD;
        }
        return MYSQL | (dialect.backslashEscapes() ? 0 : NO_BACKSLASH_ESCAPES) | (dialect.ansiQuotes() ? ANSI_QUOTES : 0);
    }

    /** What a token is. */
    enum Kind {
        /** Blanks and line breaks. */
        SPACE,
        /** A {@code --} or block comment. */
        COMMENT,
        /**
         * A MySQL or MariaDB executable comment: {@code /*!} or {@code /*M!}, an optional version number,
         * code, {@code *}{@code /}. Those servers run the code (mysqldump writes session settings, triggers,
         * views and events so); to any other database it is a comment.
         */
        EXECUTABLE_COMMENT,
        /** A statement-ending semicolon. */
        SEMICOLON,
        /** An identifier or keyword (letters, digits, {@code _}, {@code $}). */
        WORD,
        /** A string literal or a quoted identifier, kept verbatim. */
        QUOTED,
        /** A dollar-quoted string, delimiters included. */
        DOLLAR,
        /** An opening parenthesis. */
        OPEN,
        /** A closing parenthesis. */
        CLOSE,
        /** Any other single character (operators, digits, punctuation). */
        OTHER,
        /** No more input. */
        END
    }

    private final String file;
    private final String text;
    private final boolean mysql;
    private final boolean backslashEscapes;
    private final boolean ansiQuotes;
    private final int start;
    private final int end;
    private final int firstLine;
    private int pos;
    private int line;

    private int tokenStart;
    private int tokenEnd;
    private int tokenLine;

    SqlLexer(String file, String text, int start, int end, int firstLine) {
        this(file, text, start, end, firstLine, STANDARD);
    }

    /** A lexer of {@code text[start, end)}; {@code mysql} for MySQL's rules (see the class documentation). */
    SqlLexer(String file, String text, int start, int end, int firstLine, boolean mysql) {
        this(file, text, start, end, firstLine, mysql ? MYSQL : STANDARD);
    }

    /** A lexer of {@code text[start, end)} with these {@code rules}: {@link #STANDARD}, or {@link #MYSQL} and modes. */
    SqlLexer(String file, String text, int start, int end, int firstLine, int rules) {
        this.file = file;
        this.text = text;
        this.mysql = (rules & MYSQL) != 0;
        this.backslashEscapes = this.mysql && (rules & NO_BACKSLASH_ESCAPES) == 0;
        this.ansiQuotes = this.mysql && (rules & ANSI_QUOTES) != 0;
        this.start = start;
        this.end = end;
        this.pos = start;
        this.line = firstLine;
        this.firstLine = firstLine;
    }

    int tokenStart() {
        return this.tokenStart;
    }

    int tokenEnd() {
        return this.tokenEnd;
    }

    int tokenLine() {
        return this.tokenLine;
    }

    /**
     * Whether the current word token equals {@code word} (lower-case ASCII letters) in any ASCII case, as
     * the databases read keywords. A loop of its own rather than {@code regionMatches(true, ...)}, whose
     * Unicode case tables the JIT would inline at every keyword the splitter tests.
     */
    boolean wordIs(String word) {
        return this.tokenEnd - this.tokenStart == word.length() && isAt(this.text, this.tokenStart, word);
    }

    /** Whether {@code word} (lower-case ASCII letters) stands at {@code start} of {@code text} in any ASCII case. */
    static boolean isAt(String text, int start, String word) {
        int n = word.length();
        if (start + n > text.length()) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            // A lower-case ASCII letter and its upper-case form differ in bit 0x20 alone.
            if ((text.charAt(start + i) | 0x20) != word.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** Whether {@code s} follows at the current position, where the next token starts. */
    boolean follows(String s) {
        return this.pos + s.length() <= this.end && this.text.startsWith(s, this.pos);
    }

    /** Moves past {@code n} characters that hold no line break, as if they were a token. */
    void skip(int n) {
        this.pos += n;
    }

    /** Reads the next token. */
    Kind next() {
        String t = this.text;
        int i = this.pos;
        this.tokenStart = i;
        this.tokenLine = this.line;
        if (i >= this.end) {
            this.tokenEnd = i;
            return Kind.END;
        }
        char c = t.charAt(i);
        Kind kind;
        int stop;
        if (isSpace(c)) {
            stop = i + 1;
            while (stop < this.end && isSpace(t.charAt(stop))) {
                stop++;
            }
            kind = Kind.SPACE;
        } else if ((c == '-' && at(i + 1, '-')) || (c == '#' && this.mysql)) {
            int nl = t.indexOf('\n', i);
            stop = nl < 0 || nl > this.end ? this.end : nl;
            kind = Kind.COMMENT;
        } else if (c == '/' && at(i + 1, '*')) {
            stop = skipBlockComment(i);
            kind = at(i + 2, '!') || (at(i + 2, 'M') && at(i + 3, '!')) ? Kind.EXECUTABLE_COMMENT : Kind.COMMENT;
        } else if (c == ';') {
            stop = i + 1;
            kind = Kind.SEMICOLON;
        } else if (c == '(') {
            stop = i + 1;
            kind = Kind.OPEN;
        } else if (c == ')') {
            stop = i + 1;
            kind = Kind.CLOSE;
        } else if (c == '\'') {
            stop = skipString(i, this.backslashEscapes);
            kind = Kind.QUOTED;
        } else if (c == '"') {
            stop = this.mysql && !this.ansiQuotes ? skipMySqlQuoted(i, '"') : skipQuotedIdentifier(i);
            kind = Kind.QUOTED;
        } else if (c == '`' && this.mysql) {
            stop = skipMySqlQuoted(i, '`');
            kind = Kind.QUOTED;
        } else if (c == '$') {
            int dollarEnd = skipDollarQuote(i);
            if (dollarEnd > 0) {
                stop = dollarEnd;
                kind = Kind.DOLLAR;
            } else {
                stop = i + 1;
                while (stop < this.end && isDigit(t.charAt(stop))) {
                    stop++;
                }
                kind = Kind.OTHER;
            }
        } else if (isIdentifierStart(c)) {
            stop = i + 1;
            while (stop < this.end && isIdentifierPart(t.charAt(stop))) {
                stop++;
            }
            if (stop == i + 1 && (c == 'E' || c == 'e') && at(stop, '\'')) {
                stop = skipString(stop, true);
                kind = Kind.QUOTED;
            } else {
                kind = Kind.WORD;
            }
        } else {
            stop = i + 1;
            kind = Kind.OTHER;
        }
        this.tokenEnd = stop;
        this.pos = stop;
        if (kind != Kind.WORD && kind != Kind.OTHER && kind != Kind.SEMICOLON && kind != Kind.OPEN
                && kind != Kind.CLOSE) {
            this.line += countLines(i, stop);
        }
        return kind;
    }

    private boolean at(int index, char expected) {
        return index < this.end && this.text.charAt(index) == expected;
    }

    private int countLines(int from, int to) {
        int n = 0;
        for (int k = from; k < to; k++) {
            if (this.text.charAt(k) == '\n') {
                n++;
            }
        }
        return n;
    }

    private int skipBlockComment(int start) {
        int depth = 0;
        int k = start;
        while (k < this.end) {
            char c = this.text.charAt(k);
            if (c == '/' && at(k + 1, '*')) {
                depth++;
                k += 2;
            } else if (c == '*' && at(k + 1, '/')) {
                depth--;
                k += 2;
                if (depth == 0) {
                    return k;
                }
            } else {
                k++;
            }
        }
        throw unterminated("/* comment", "close it with */ (block comments nest: every /* needs its own */)");
    }

    private int skipString(int quote, boolean backslashEscapes) {
        int k = quote + 1;
        while (k < this.end) {
            char c = this.text.charAt(k);
            if (backslashEscapes && c == '\\') {
                k += 2;
            } else if (c == '\'') {
                if (at(k + 1, '\'')) {
                    k += 2;
                } else {
                    return k + 1;
                }
            } else {
                k++;
            }
        }
        if (this.mysql) {
            throw unterminated("string literal", "close it with ' (write a quote inside a string as ''"
                    + (backslashEscapes ? " or \\')" : ")"));
        }
        throw unterminated(backslashEscapes ? "E'...' string" : "string literal",
                "close it with ' (write a quote inside a string as '')" + (backslashEscapes ? "" : mysqlHint()));
    }

    /**
     * The end of MySQL's {@code "..."} string (a backslash escapes the next character, unless the SQL mode says
     * otherwise) or backtick-quoted name (no escapes); a doubled quote is one character in both.
     */
    private int skipMySqlQuoted(int open, char quote) {
        int k = open + 1;
        while (k < this.end) {
            char c = this.text.charAt(k);
            if (c == '\\' && quote == '"' && this.backslashEscapes) {
                k += 2;
            } else if (c == quote) {
                if (at(k + 1, quote)) {
                    k += 2;
                } else {
                    return k + 1;
                }
            } else {
                k++;
            }
        }
        throw quote == '"'
                ? unterminated("string literal", "close it with \" (write a quote inside it as \"\""
                        + (this.backslashEscapes ? " or \\\")" : ")"))
                : unterminated("quoted name", "close it with ` (write a backtick inside it as ``)");
    }

    private int skipQuotedIdentifier(int quote) {
        int k = quote + 1;
        while (k < this.end) {
            if (this.text.charAt(k) == '"') {
                if (at(k + 1, '"')) {
                    k += 2;
                } else {
                    return k + 1;
                }
            } else {
                k++;
            }
        }
        throw unterminated("quoted identifier",
                "close it with \" (write a quote inside it as \"\")" + mysqlHint());
    }

    /** The end of the dollar-quoted string starting at {@code start}, or -1 if {@code $} starts none. */
    private int skipDollarQuote(int start) {
        int k = start + 1;
        if (k < this.end && isIdentifierStart(this.text.charAt(k))) {
            k++;
            while (k < this.end && isTagPart(this.text.charAt(k))) {
                k++;
            }
        }
        if (!at(k, '$')) {
            return -1;
        }
        String tag = this.text.substring(start, k + 1);
        int close = this.text.indexOf(tag, k + 1);
        if (close < 0 || close + tag.length() > this.end) {
            throw unterminated("dollar-quoted string " + tag, "close it with " + tag);
        }
        return close + tag.length();
    }

    /** {@link OpenQuoteHint#of} for this lexer's range. */
    private String mysqlHint() {
        return OpenQuoteHint.of(this.text, this.start, this.end, this.firstLine);
    }

    private ScriptFormatException unterminated(String what, String fix) {
        return new ScriptFormatException(this.file, this.line, "Unterminated " + what + " starting on this line; " + fix);
    }

    static boolean isSpace(char c) {
        return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == 0x0B;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    static boolean isIdentifierStart(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c >= 0x80;
    }

    private static boolean isTagPart(char c) {
        return isIdentifierStart(c) || isDigit(c);
    }

    private static boolean isIdentifierPart(char c) {
        return isTagPart(c) || c == '$';
    }
}
