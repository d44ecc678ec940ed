package io.samokoder.migrations.script;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits one part of a script into statements with {@link SqlLexer}. A semicolon ends a statement
 * unless it is inside parentheses (rule actions) or inside the {@code BEGIN ... END} body of a
 * {@code CREATE [OR REPLACE] [DEFINER = user] FUNCTION|PROCEDURE|TRIGGER|EVENT} (PostgreSQL's
 * SQL-standard bodies, as psql splits them; MariaDB's and MySQL's compound statements, whose
 * {@code END IF}, {@code END LOOP}, {@code END WHILE}, {@code END REPEAT} and {@code END FOR} close no
 * block). A trigger's or event's body starts at a BEGIN right after {@code FOR EACH ROW} (and
 * {@code FOLLOWS|PRECEDES other}) or {@code DO}; a name after a dot is never a keyword. Statements
 * start at their first token and end at their last token (leading and trailing comments are
 * dropped, inner ones kept); statements with no token are dropped.
 */
final class SqlSplitter {

    private SqlSplitter() {
    }

    /** Splits {@code text[start, end)}, whose first line is line {@code firstLine} of the file. */
    static List<SqlStatement> split(String file, String text, int start, int end, int firstLine) {
        SqlLexer lexer = new SqlLexer(file, text, start, end, firstLine);
        List<SqlStatement> statements = new ArrayList<>();
        int statementStart = -1;
        int statementLine = 0;
        int lastTokenEnd = -1;
        int words = 0;
        boolean maybeRoutine = false;
        boolean routine = false;
        // Words of DEFINER = user@host still to skip before the routine's kind.
        int definer = 0;
        // A trigger's or event's body (MariaDB, MySQL) starts only where its BEGIN follows FOR EACH ROW
        // [FOLLOWS|PRECEDES other] or DO: elsewhere, as in PostgreSQL's triggers, begin is a name.
        boolean bodyAnywhere = false;
        boolean afterRowOrDo = false;
        // FOLLOWS|PRECEDES seen: 1 before the other trigger's name, 2 right after it (backquotes and a
        // schema's dot around it do not count).
        int follows = 0;
        // A name after a dot (NEW.end, t.begin) is never a block's keyword.
        boolean afterDot = false;
        // An END seen in a body, closing a block unless IF, LOOP, WHILE or REPEAT follows.
        boolean pendingEnd = false;
        int blockDepth = 0;
        int parenDepth = 0;
        for (SqlLexer.Kind kind = lexer.next(); kind != SqlLexer.Kind.END; kind = lexer.next()) {
            if (kind == SqlLexer.Kind.SPACE || kind == SqlLexer.Kind.COMMENT) {
                continue;
            }
            boolean bodyMayStart = false;
            boolean qualified = false;
            if (routine) {
                // Only inside a routine's statement, so that the usual statement costs nothing more.
                bodyMayStart = afterRowOrDo || follows == 2;
                qualified = afterDot;
                if (kind == SqlLexer.Kind.WORD && (lexer.wordIs("follows") || lexer.wordIs("precedes"))) {
                    follows = 1;
                } else if ((follows == 1 || (follows == 2 && qualified))
                        && (kind == SqlLexer.Kind.WORD || kind == SqlLexer.Kind.QUOTED)) {
                    follows = 2;
                } else if (kind == SqlLexer.Kind.WORD || kind == SqlLexer.Kind.SEMICOLON) {
                    follows = 0;
                }
                afterRowOrDo = kind == SqlLexer.Kind.WORD && (lexer.wordIs("row") || lexer.wordIs("do"));
                afterDot = kind == SqlLexer.Kind.OTHER && text.charAt(lexer.tokenStart()) == '.';
            }
            if (pendingEnd && (kind != SqlLexer.Kind.WORD || !closesNoBlock(lexer))) {
                blockDepth--;
                pendingEnd = false;
                if (kind == SqlLexer.Kind.WORD && lexer.wordIs("case")) {
                    // END CASE closes the CASE counted as a block; the word opens nothing.
                    lastTokenEnd = lexer.tokenEnd();
                    words++;
                    continue;
                }
            }
            pendingEnd = false;
            if (kind == SqlLexer.Kind.SEMICOLON && blockDepth == 0 && parenDepth == 0) {
                if (statementStart >= 0) {
                    statements.add(new SqlStatement(text.substring(statementStart, lastTokenEnd),
                            statements.size() + 1, statementLine));
                }
                statementStart = -1;
                words = 0;
                maybeRoutine = false;
                routine = false;
                bodyAnywhere = false;
                definer = 0;
                follows = 0;
                afterRowOrDo = false;
                afterDot = false;
                continue;
            }
            if (statementStart < 0) {
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
                } else if (maybeRoutine && !routine) {
                    if (lexer.wordIs("function") || lexer.wordIs("procedure")) {
                        routine = true;
                        bodyAnywhere = true;
                    } else if (lexer.wordIs("trigger") || lexer.wordIs("event")) {
                        routine = true;
                    } else if (lexer.wordIs("definer")) {
                        definer = 2;
                    } else if (definer > 0) {
                        definer--;
                    } else if (!(words == 1 && lexer.wordIs("or")) && !(words == 2 && lexer.wordIs("replace"))) {
                        maybeRoutine = false;
                    }
                } else if (routine && !qualified) {
                    if (lexer.wordIs("begin") && (bodyAnywhere || blockDepth > 0 || bodyMayStart)) {
                        blockDepth++;
                    } else if (lexer.wordIs("case") && blockDepth > 0) {
                        blockDepth++;
                    } else if (lexer.wordIs("end") && blockDepth > 0) {
                        pendingEnd = true;
                    }
                }
                words++;
            }
        }
        if (statementStart >= 0) {
            statements.add(new SqlStatement(text.substring(statementStart, lastTokenEnd), statements.size() + 1,
                    statementLine));
        }
        return List.copyOf(statements);
    }

    /** Whether the word after an END makes it the end of an IF, LOOP, WHILE, REPEAT or FOR, not of a block. */
    private static boolean closesNoBlock(SqlLexer lexer) {
        return lexer.wordIs("if") || lexer.wordIs("loop") || lexer.wordIs("while") || lexer.wordIs("repeat")
                || lexer.wordIs("for");
    }

    /**
     * The checksum form of one statement: comments and blanks between tokens are dropped, except
     * that one space is kept where they separated two word-like tokens (identifiers, keywords,
     * numbers, parameters, strings, quoted identifiers, dollar quotes) or two operator characters,
     * so that {@code a = (1,2)} and {@code a=(1, 2)} agree while {@code a b} and {@code ab} do not.
     * Strings and quoted identifiers stay verbatim; in dollar-quoted bodies only blanks at the end of
     * a line and blank lines are removed.
     */
    static String normalise(String sql) {
        StringBuilder out = new StringBuilder(sql.length());
        normalise(sql, out);
        return out.toString();
    }

    /** {@link #normalise(String)} appended to {@code out}, which must be empty. */
    static void normalise(String sql, StringBuilder out) {
        SqlLexer lexer = new SqlLexer("", sql, 0, sql.length(), 1);
        boolean gap = false;
        for (SqlLexer.Kind kind = lexer.next(); kind != SqlLexer.Kind.END; kind = lexer.next()) {
            if (kind == SqlLexer.Kind.SPACE || kind == SqlLexer.Kind.COMMENT) {
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
