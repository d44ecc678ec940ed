package io.samokoder.migrations.java;

import io.samokoder.migrations.ops.Operation;
import io.samokoder.migrations.script.Sha256;
import java.util.List;

/**
 * The checksum of a Java revision's recorded operations: {@code j1:} and the lower-case hex SHA-256
 * of the UTF-8 text {@code U<count>\n}, then {@code <length>:<operation's toString()>\n} per
 * upgrade operation, then the same under {@code D} for the downgrade of a reversible revision.
 * Loading thousands of revisions would otherwise build each operation's text through nested
 * {@code toString()} calls, copy the whole text to bytes and look up a new digest per revision: the
 * text is written by {@link OperationText} into two builders kept per thread (not kept once grown
 * past {@value #KEPT_CAPACITY} characters), and hashed by {@link Sha256}.
 */
final class RecordedChecksum {

    static final String PREFIX = "j1:";
    private static final int KEPT_CAPACITY = 1 << 16;

    /** The current thread's builders; taken while in use, so a nested call gets its own. */
    private static final ThreadLocal<State> STATE = ThreadLocal.withInitial(State::new);

    private RecordedChecksum() {
    }

    /** The checksum of the upgrade operations and, for a reversible revision, the downgrade ones. */
    static String of(List<Operation> upgrade, List<Operation> downgrade) {
        State state = STATE.get();
        if (state.taken) {
            state = new State();
        }
        state.taken = true;
        try {
            StringBuilder content = state.content;
            content.setLength(0);
            append(content, state.scratch, 'U', upgrade);
            if (downgrade != null) {
                append(content, state.scratch, 'D', downgrade);
            }
            return PREFIX.concat(Sha256.hexOfUtf8(content));
        } finally {
            state.taken = false;
            if ((state.content.capacity() > KEPT_CAPACITY || state.scratch.capacity() > KEPT_CAPACITY)
                    && STATE.get() == state) {
                STATE.remove();
            }
        }
    }

    private static void append(StringBuilder content, StringBuilder scratch, char part, List<Operation> operations) {
        content.append(part).append(operations.size()).append('\n');
        for (int i = 0; i < operations.size(); i++) {
            scratch.setLength(0);
            OperationText.append(scratch, operations.get(i));
            content.append(scratch.length()).append(':').append(scratch).append('\n');
        }
    }

    private static final class State {

        final StringBuilder content = new StringBuilder(1024);
        final StringBuilder scratch = new StringBuilder(512);
        boolean taken;
    }
}
