package io.samokoder.migrations.script;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits one part of a script into statements with {@link SqlLexer}. A semicolon ends a statement
 * unless it is inside parentheses (rule actions) or inside the {@code BEGIN ... END} body of a
 * {@code CREATE [OR REPLACE] [DEFINER = user] FUNCTION|PROCEDURE|TRIGGER|EVENT} (PostgreSQL's
 * SQL-standard bodies, as psql splits them; MariaDB's and MySQL's compound statements; see
 * {@link RoutineBody}). Statements
 * start at their first token and end at their last token (leading and trailing comments are
 * dropped, inner ones kept); statements with no token are dropped. A MySQL executable comment
 * ({@code /*!...*}{@code /}) is a token: MariaDB and MySQL run what it holds, as the mysql client
 * sends it; other databases read it as the comment it is to them. The mysql client's {@code DELIMITER}
 * command is followed as the client follows it: a statement that begins with {@code DELIMITER ;;} is
 * no statement, and until {@code DELIMITER ;} statements end at {@code ;;} (at a token's start, so not
 * inside strings or comments) rather than at semicolons. psql's {@code restrict} and {@code unrestrict}
 * backslash lines, which pg_dump writes around its output so that psql runs no other backslash command in between,
 * are no statements either: nothing here runs backslash commands.
 */
final class SqlSplitter {

    /** For a check that splitting alone makes. */
    private static final Sink NO_CHECK = new Sink() {
        @Override
        public void statement(int start, int end, int number, int line) {
            // Splitting is the check.
        }
    };

    private SqlSplitter() {
    }

    /** Receives each statement found by {@link #scan}, as a range of the text. */
    interface Sink {
        /** Statement {@code number} (from 1) is {@code text[start, end)} and starts on line {@code line}. */
        void statement(int start, int end, int number, int line);
    }

    /** Splits {@code text[start, end)}, whose first line is line {@code firstLine} of the file. */
    static List<SqlStatement> split(String file, String text, int start, int end, int firstLine) {
        return split(file, text, start, end, firstLine, false);
    }

    /** {@link #split(String, String, int, int, int)}, with MySQL's lexical rules where {@code mysql}. */
    static List<SqlStatement> split(String file, String text, int start, int end, int firstLine, boolean mysql) {
        return split(file, text, start, end, firstLine, mysql ? SqlLexer.MYSQL : SqlLexer.STANDARD);
    }

    /** {@link #split(String, String, int, int, int)}, with the lexical {@code rules} given ({@link SqlLexer}). */
    static List<SqlStatement> split(String file, String text, int start, int end, int firstLine, int rules) {
        List<SqlStatement> statements = new ArrayList<>();
        scan(file, text, start, end, firstLine, rules, new Sink() {
            @Override
            public void statement(int from, int to, int number, int line) {
                statements.add(new SqlStatement(text.substring(from, to), number, line));
            }
        });
        return List.copyOf(statements);
    }

    /**
     * Splits {@code text[start, end)} as {@link #split} does, keeping nothing: fails as it would, and, with
     * {@code inTransaction}, also at a statement that begins, ends or abandons a transaction
     * ({@link TransactionControl}).
     */
    static void check(String file, String text, int start, int end, int firstLine, boolean inTransaction,
            int rules) {
        scan(file, text, start, end, firstLine, rules, !inTransaction ? NO_CHECK : new Sink() {
            @Override
            public void statement(int from, int to, int number, int line) {
                String keyword = TransactionControl.keyword(text, from, to);
                if (keyword != null) {
                    throw TransactionControl.error(file, number, line, keyword);
                }
            }
        });
    }

    /** Finds the statements of {@code text[start, end)} and hands each to {@code sink}. */
    private static void scan(String file, String text, int start, int end, int firstLine, int rules, Sink sink) {
        SqlLexer lexer = new SqlLexer(file, text, start, end, firstLine, rules);
        int count = 0;
        int statementStart = -1;
        int statementLine = 0;
        int lastTokenEnd = -1;
        int words = 0;
        boolean maybeRoutine = false;
        // Words of DEFINER = user@host still to skip before the routine's kind.
        int definer = 0;
        RoutineBody body = null;
        int parenDepth = 0;
        // The mysql client's delimiter when a DELIMITER line set one other than the semicolon.
        String delimiter = null;
        while (true) {
            // At a token's start, so never inside a string or comment; before the lexer, which reads $$ as a quote.
            boolean atDelimiter = delimiter != null && lexer.follows(delimiter);
            SqlLexer.Kind kind = SqlLexer.Kind.SEMICOLON;
            if (atDelimiter) {
                lexer.skip(delimiter.length());
            } else {
                kind = lexer.next();
                if (kind == SqlLexer.Kind.END) {
                    break;
                }
                if (kind == SqlLexer.Kind.SPACE || kind == SqlLexer.Kind.COMMENT) {
                    continue;
                }
                if (body != null) {
                    body.token(kind, lexer, text);
                }
            }
            if (atDelimiter || (kind == SqlLexer.Kind.SEMICOLON && delimiter == null
                    && (body == null || body.closed()) && parenDepth == 0)) {
                if (statementStart >= 0) {
                    sink.statement(statementStart, lastTokenEnd, ++count, statementLine);
                }
                statementStart = -1;
                words = 0;
                maybeRoutine = false;
                definer = 0;
                body = null;
                parenDepth = 0;
                continue;
            }
            if (statementStart < 0) {
                if (kind == SqlLexer.Kind.WORD && lexer.wordIs("delimiter")) {
                    delimiter = delimiter(file, text, lexer, end);
                    continue;
                }
                if (kind == SqlLexer.Kind.OTHER && isRestrictLine(text, lexer.tokenStart(), end)) {
                    int lineEnd = text.indexOf('\n', lexer.tokenEnd());
                    lexer.skip((lineEnd < 0 || lineEnd > end ? end : lineEnd) - lexer.tokenEnd());
                    continue;
                }
                statementStart = lexer.tokenStart();
                statementLine = lexer.tokenLine();
            }
            lastTokenEnd = lexer.tokenEnd();
            if (kind == SqlLexer.Kind.OPEN) {
                parenDepth++;
            } else if (kind == SqlLexer.Kind.CLOSE && parenDepth > 0) {
                parenDepth--;
            } else if (kind == SqlLexer.Kind.WORD) {
                if (words == 0) {
                    maybeRoutine = lexer.wordIs("create");
                } else if (maybeRoutine && body == null) {
                    if (lexer.wordIs("function") || lexer.wordIs("procedure")) {
                        body = new RoutineBody(true);
                    } else if (lexer.wordIs("trigger") || lexer.wordIs("event")) {
                        body = new RoutineBody(false);
                    } else if (lexer.wordIs("definer")) {
                        definer = 2;
                    } else if (definer > 0) {
                        definer--;
                    } else if (!(words == 1 && lexer.wordIs("or")) && !(words == 2 && lexer.wordIs("replace"))) {
                        maybeRoutine = false;
                    }
                }
                words++;
            }
        }
        if (statementStart >= 0) {
            sink.statement(statementStart, lastTokenEnd, ++count, statementLine);
        }
    }

    /** Whether psql's {@code restrict} or {@code unrestrict} backslash command starts at {@code start}. */
    private static boolean isRestrictLine(String text, int start, int end) {
        if (text.charAt(start) != '\\') {
            return false;
        }
        int word = start + 1;
        int wordEnd = StatementKeywords.wordEnd(text, word, end);
        return (wordEnd - word == 8 && SqlLexer.isAt(text, word, "restrict"))
                || (wordEnd - word == 10 && SqlLexer.isAt(text, word, "unrestrict"));
    }

    /**
     * Reads the rest of a {@code DELIMITER} line, whose word the lexer has just read, and moves the lexer to
     * the line's end: the new delimiter, or {@code null} for the semicolon.
     *
     * @throws ScriptFormatException when the line has no delimiter, or more than one word after it
     */
    private static String delimiter(String file, String text, SqlLexer lexer, int end) {
        int lineEnd = text.indexOf('\n', lexer.tokenEnd());
        lineEnd = lineEnd < 0 || lineEnd > end ? end : lineEnd;
        String rest = text.substring(lexer.tokenEnd(), lineEnd).strip();
        boolean oneWord = !rest.isEmpty();
        for (int i = 0; i < rest.length() && oneWord; i++) {
            oneWord = !Character.isWhitespace(rest.charAt(i));
        }
        if (!oneWord) {
            throw new ScriptFormatException(file, lexer.tokenLine(), "DELIMITER takes one delimiter and nothing"
                    + " more on its line, as the mysql client reads it: write e.g. DELIMITER ;; before a routine"
                    + " and DELIMITER ; after it (or leave both out: a BEGIN ... END body needs none here)");
        }
        lexer.skip(lineEnd - lexer.tokenEnd());
        return rest.equals(";") ? null : rest;
    }

    /**
     * The checksum form of one statement: comments and blanks between tokens are dropped, except
     * that one space is kept where they separated two word-like tokens (identifiers, keywords,
     * numbers, parameters, strings, quoted identifiers, dollar quotes) or two operator characters,
     * so that {@code a = (1,2)} and {@code a=(1, 2)} agree while {@code a b} and {@code ab} do not.
     * Strings and quoted identifiers stay verbatim; in dollar-quoted bodies only blanks at the end of
     * a line and blank lines are removed. MySQL's executable comments are kept verbatim, as code.
     */
    static String normalise(String sql) {
        StringBuilder out = new StringBuilder(sql.length());
        normalise(sql, out, true, SqlLexer.STANDARD);
        return out.toString();
    }

    /**
     * {@link #normalise(String)} appended to {@code out}, which must be empty; with {@code executable} false,
     * the form of the checksums written before executable comments ran (2026-12-06), in which they are
     * comments and dropped; read with the lexical {@code rules} given ({@link SqlLexer}).
     */
    static void normalise(String sql, StringBuilder out, boolean executable, int rules) {
        SqlLexer lexer = new SqlLexer("", sql, 0, sql.length(), 1, rules);
        boolean gap = false;
        for (SqlLexer.Kind kind = lexer.next(); kind != SqlLexer.Kind.END; kind = lexer.next()) {
            if (kind == SqlLexer.Kind.SPACE || kind == SqlLexer.Kind.COMMENT
                    || (!executable && kind == SqlLexer.Kind.EXECUTABLE_COMMENT)) {
                gap = out.length() > 0;
                continue;
            }
            if (gap && needsSpace(out.charAt(out.length() - 1), sql.charAt(lexer.tokenStart()))) {
                out.append(' ');
            }
            gap = false;
            if (kind == SqlLexer.Kind.DOLLAR) {
                appendDollarBody(out, sql, lexer.tokenStart(), lexer.tokenEnd());
            } else {
                out.append(sql, lexer.tokenStart(), lexer.tokenEnd());
            }
        }
    }

    private static boolean needsSpace(char before, char after) {
        return (isWordLike(before) && isWordLike(after)) || (isOperator(before) && isOperator(after));
    }

    private static boolean isWordLike(char c) {
        return SqlLexer.isIdentifierStart(c) || (c >= '0' && c <= '9') || c == '$' || c == '\'' || c == '"';
    }

    private static boolean isOperator(char c) {
        return "+-*/<>=~!@#%^&|`?".indexOf(c) >= 0;
    }

    private static void appendDollarBody(StringBuilder out, String text, int start, int end) {
        int lineStart = start;
        boolean first = true;
        while (lineStart < end) {
            int nl = text.indexOf('\n', lineStart);
            int lineEnd = nl < 0 || nl >= end ? end : nl;
            int trimmed = lineEnd;
            while (trimmed > lineStart && (text.charAt(trimmed - 1) == ' ' || text.charAt(trimmed - 1) == '\t')) {
                trimmed--;
            }
            if (trimmed > lineStart) {
                if (!first) {
                    out.append('\n');
                }
                out.append(text, lineStart, trimmed);
                first = false;
            }
            lineStart = lineEnd + 1;
        }
    }
}
