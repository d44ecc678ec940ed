package io.samokoder.migrations.ops;

/** Loops the renderer runs for every name it writes, without a regex matcher or intermediate strings. */
final class SqlNames {

    private SqlNames() {
    }

    /** Whether the name matches {@code [a-z_][a-z0-9_]*} (so it is its own lower case). */
    static boolean isLowerName(String name) {
        if (name.isEmpty()) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!((c >= 'a' && c <= 'z') || c == '_' || (i > 0 && c >= '0' && c <= '9'))) {
                return false;
            }
        }
        return true;
    }

    /** The name between quote characters, the quote character doubled inside. */
    static String quote(String name, char q) {
        StringBuilder out = new StringBuilder(name.length() + 2).append(q);
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            out.append(c);
            if (c == q) {
                out.append(q);
            }
        }
        return out.append(q).toString();
    }

    /** Whether an element of the index is an expression. */
    static boolean hasExpression(Index index) {
        for (IndexElement element : index.elements()) {
            if (element.expression()) {
                return true;
            }
        }
        return false;
    }
}
