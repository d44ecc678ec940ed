package io.samokoder.migrations.script;

/**
 * Where the {@code BEGIN ... END} body of a routine's statement ends, for {@link SqlSplitter}: made
 * once a {@code CREATE} statement names a function, procedure, trigger or event, and told each of its
 * tokens after that. A function's or procedure's {@code BEGIN} opens the body wherever it comes (as
 * psql reads PostgreSQL's SQL-standard bodies); a trigger's or event's only right after
 * {@code FOR EACH ROW} (and {@code FOLLOWS|PRECEDES other}) or {@code DO}, since elsewhere, as in
 * PostgreSQL's triggers, begin is a name. Inside, {@code BEGIN} and {@code CASE} open blocks and
 * {@code END} closes one, unless {@code IF}, {@code LOOP}, {@code WHILE}, {@code REPEAT} or
 * {@code FOR} follows it (MariaDB's and MySQL's compound statements); a name after a dot
 * ({@code NEW.end}) is never a keyword.
 */
final class RoutineBody {

    private final boolean bodyAnywhere;
    private int depth;
    private boolean afterRowOrDo;
    /** FOLLOWS|PRECEDES seen: 1 before the other trigger's name, 2 right after it. */
    private int follows;
    private boolean afterDot;
    /** An END seen, closing a block unless IF, LOOP, WHILE, REPEAT or FOR follows. */
    private boolean pendingEnd;

    RoutineBody(boolean bodyAnywhere) {
        this.bodyAnywhere = bodyAnywhere;
    }

    /** Whether a semicolon now ends the statement: no block of the body is open. */
    boolean closed() {
        return this.depth == 0;
    }

    /** Takes the statement's next token (not a blank or a comment). */
    void token(SqlLexer.Kind kind, SqlLexer lexer, String text) {
        boolean word = kind == SqlLexer.Kind.WORD;
        boolean bodyMayStart = this.afterRowOrDo || this.follows == 2;
        boolean qualified = this.afterDot;
        if (word && (lexer.wordIs("follows") || lexer.wordIs("precedes"))) {
            this.follows = 1;
        } else if ((this.follows == 1 || (this.follows == 2 && qualified))
                && (word || kind == SqlLexer.Kind.QUOTED)) {
            this.follows = 2;
        } else if (word || kind == SqlLexer.Kind.SEMICOLON) {
            this.follows = 0;
        }
        this.afterRowOrDo = word && (lexer.wordIs("row") || lexer.wordIs("do"));
        this.afterDot = kind == SqlLexer.Kind.OTHER && text.charAt(lexer.tokenStart()) == '.';
        if (this.pendingEnd) {
            this.pendingEnd = false;
            if (!word || !closesNoBlock(lexer)) {
                this.depth--;
                if (word && lexer.wordIs("case")) {
                    // END CASE closes the CASE counted as a block; the word opens nothing.
                    return;
                }
            }
        }
        if (!word || qualified) {
            return;
        }
        if (lexer.wordIs("begin") && (this.bodyAnywhere || this.depth > 0 || bodyMayStart)) {
            this.depth++;
        } else if (lexer.wordIs("case") && this.depth > 0) {
            this.depth++;
        } else if (lexer.wordIs("end") && this.depth > 0) {
            this.pendingEnd = true;
        }
    }

    private static boolean closesNoBlock(SqlLexer lexer) {
        return lexer.wordIs("if") || lexer.wordIs("loop") || lexer.wordIs("while") || lexer.wordIs("repeat")
                || lexer.wordIs("for");
    }
}
