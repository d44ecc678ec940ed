package io.samokoder.migrations.ops;

import java.util.Arrays;
import java.util.List;

/** Unmodifiable lists of arrays being filled, with the fewest copies (the records keep them as they are). */
final class Lists {

    private Lists() {
    }

    /** The first {@code n} items, none of them null, as an unmodifiable list that does not share the array. */
    static <T> List<T> of(T[] items, int n) {
        return switch (n) {
            case 0 -> List.of();
            case 1 -> List.of(items[0]);
            case 2 -> List.of(items[0], items[1]);
            default -> List.of(n == items.length ? items : Arrays.copyOf(items, n));
        };
    }
}
