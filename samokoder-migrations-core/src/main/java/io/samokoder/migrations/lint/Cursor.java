package io.samokoder.migrations.lint;

import io.samokoder.migrations.script.SqlTokens.Kind;
import io.samokoder.migrations.script.SqlTokens.Token;
import java.util.ArrayList;
import java.util.List;

/** A position in a run of a statement's tokens, with the few moves the rules need. */
final class Cursor {

    private final List<Token> tokens;
    private final int end;
    private int at;

    Cursor(List<Token> tokens) {
        this(tokens, 0, tokens.size());
    }

    private Cursor(List<Token> tokens, int from, int end) {
        this.tokens = tokens;
        this.at = from;
        this.end = end;
    }

    boolean atEnd() {
        return this.at >= this.end;
    }

    /** Whether the next token is the word {@code keyword}. */
    boolean peekIs(String keyword) {
        return !atEnd() && this.tokens.get(this.at).is(keyword);
    }

    /** Moves past the word {@code keyword} if it is next. */
    boolean accept(String keyword) {
        if (peekIs(keyword)) {
            this.at++;
            return true;
        }
        return false;
    }

    /** Moves past these words if all of them come next, in this order; else stays. */
    boolean acceptAll(String... keywords) {
        if (this.at + keywords.length > this.end) {
            return false;
        }
        for (int k = 0; k < keywords.length; k++) {
            if (!this.tokens.get(this.at + k).is(keywords[k])) {
                return false;
            }
        }
        this.at += keywords.length;
        return true;
    }

    /** Moves past a parenthesised group if one is next. */
    void skipGroup() {
        if (atEnd() || this.tokens.get(this.at).kind() != Kind.OPEN) {
            return;
        }
        int depth = 0;
        while (!atEnd()) {
            Kind kind = this.tokens.get(this.at++).kind();
            depth += kind == Kind.OPEN ? 1 : kind == Kind.CLOSE ? -1 : 0;
            if (depth == 0) {
                return;
            }
        }
    }

    /**
     * Reads a possibly qualified name ({@code schema.table}) and returns its last part as {@link Token#name()}
     * gives it; {@code null}, without moving, when no name is next.
     */
    String name() {
        String last = null;
        while (!atEnd()) {
            Token token = this.tokens.get(this.at);
            if (token.kind() != Kind.WORD && token.kind() != Kind.NAME) {
                break;
            }
            last = token.name();
            this.at++;
            if (atEnd() || !this.tokens.get(this.at).is('.')) {
                break;
            }
            this.at++;
        }
        return last;
    }

    /** The rest, cut at the commas outside parentheses: the actions of an {@code ALTER TABLE}. */
    List<Cursor> splitAtCommas() {
        List<Cursor> parts = new ArrayList<>();
        int depth = 0;
        int from = this.at;
        for (int i = this.at; i < this.end; i++) {
            Token token = this.tokens.get(i);
            depth += token.kind() == Kind.OPEN ? 1 : token.kind() == Kind.CLOSE ? -1 : 0;
            if (depth == 0 && token.is(',')) {
                parts.add(new Cursor(this.tokens, from, i));
                from = i + 1;
            }
        }
        parts.add(new Cursor(this.tokens, from, this.end));
        this.at = this.end;
        return parts;
    }

    /** Whether these words come one after another in the rest, outside parentheses. */
    boolean hasOutsideGroups(String... keywords) {
        return indexOutsideGroups(keywords) >= 0;
    }

    /** Where these words start in the rest, outside parentheses; -1 if they do not. */
    int indexOutsideGroups(String... keywords) {
        int depth = 0;
        for (int i = this.at; i < this.end; i++) {
            Token token = this.tokens.get(i);
            if (token.kind() == Kind.OPEN) {
                depth++;
            } else if (token.kind() == Kind.CLOSE) {
                depth--;
            } else if (depth == 0 && matches(i, keywords)) {
                return i;
            }
        }
        return -1;
    }

    /** Whether the word {@code keyword} comes anywhere in the rest, inside parentheses too. */
    boolean hasAnywhere(String keyword) {
        for (int i = this.at; i < this.end; i++) {
            if (this.tokens.get(i).is(keyword)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the one-character symbol {@code c} comes anywhere in the rest. */
    boolean hasSymbol(char c) {
        for (int i = this.at; i < this.end; i++) {
            if (this.tokens.get(i).is(c)) {
                return true;
            }
        }
        return false;
    }

    /** Whether a call of one of {@code functions} (a word, then {@code (}) comes in the rest from {@code from}. */
    boolean callsOneOf(int from, List<String> functions) {
        for (int i = Math.max(from, this.at); i + 1 < this.end; i++) {
            Token token = this.tokens.get(i);
            if (token.kind() == Kind.WORD && this.tokens.get(i + 1).kind() == Kind.OPEN
                    && functions.contains(token.name())) {
                return true;
            }
        }
        return false;
    }

    /** The token at an index of the whole statement, or {@code null} past the end of this run. */
    Token tokenAt(int index) {
        return index < this.end ? this.tokens.get(index) : null;
    }

    private boolean matches(int from, String... keywords) {
        if (from + keywords.length > this.end) {
            return false;
        }
        for (int k = 0; k < keywords.length; k++) {
            if (!this.tokens.get(from + k).is(keywords[k])) {
                return false;
            }
        }
        return true;
    }
}
