package io.samokoder.migrations.plan;

import java.util.List;

/**
 * A revision argument as Alembic passes it around: one string (possibly {@code null} for None)
 * or a tuple of strings (the version rows).
 */
record RevisionArg(String single, List<String> tuple) {

    static RevisionArg of(String value) {
        return new RevisionArg(value, null);
    }

    static RevisionArg rows(List<String> rows) {
        return new RevisionArg(null, List.copyOf(rows));
    }

    boolean isString() {
        return this.tuple == null && this.single != null;
    }

    /** Alembic's {@code util.to_tuple}: None stays empty, a string becomes a 1-tuple. */
    List<String> values() {
        if (this.tuple != null) {
            return this.tuple;
        }
        return this.single == null ? List.of() : List.of(this.single);
    }

    /** As Alembic's range error prints a bound: {@code base} when empty, else {@link #display()}. */
    String displayOrBase() {
        return values().isEmpty() || (this.tuple == null && this.single.isEmpty()) ? "base" : display();
    }

    /** How Alembic prints it with {@code %s}: the string, {@code None}, or a Python tuple. */
    String display() {
        if (this.tuple == null) {
            return this.single == null ? "None" : this.single;
        }
        StringBuilder text = new StringBuilder("(");
        for (int i = 0; i < this.tuple.size(); i++) {
            if (i > 0) {
                text.append(", ");
            }
            text.append('\'').append(this.tuple.get(i)).append('\'');
        }
        if (this.tuple.size() == 1) {
            text.append(',');
        }
        return text.append(')').toString();
    }
}
