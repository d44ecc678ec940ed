package io.samokoder.migrations.ops;

/**
 * A builder kept per thread for text written piece by piece (a {@code CREATE TABLE} with its columns
 * and constraints, a name from the naming convention's template), so that only the finished text is
 * allocated, not a builder per text and the strings of its parts. Taken while in use: a nested use
 * gets a builder of its own. Not kept once grown past {@value #KEPT_CAPACITY} characters. The
 * thread-local value is a JDK class only, so it holds no class loader.
 */
final class TextBuffer implements AutoCloseable {

    private static final int KEPT_CAPACITY = 1 << 14;
    /**
     * The current thread's builder in slot 0; the slot is empty while the builder is in use. Set on first
     * use without {@code ThreadLocal.withInitial}, whose lambda would spin a class in a cold JVM.
     */
    private static final ThreadLocal<StringBuilder[]> CURRENT = new ThreadLocal<>();

    private final StringBuilder[] slot;
    private final StringBuilder text;

    private TextBuffer(StringBuilder[] slot, StringBuilder text) {
        this.slot = slot;
        this.text = text;
    }

    /** The current thread's buffer, empty, or a new one while that one is in use. */
    static TextBuffer take() {
        StringBuilder[] slot = CURRENT.get();
        if (slot == null) {
            slot = new StringBuilder[] {new StringBuilder(256)};
            CURRENT.set(slot);
        }
        StringBuilder text = slot[0];
        if (text == null) {
            return new TextBuffer(null, new StringBuilder(256));
        }
        slot[0] = null;
        text.setLength(0);
        return new TextBuffer(slot, text);
    }

    /** The builder to write into. */
    StringBuilder text() {
        return this.text;
    }

    /** Gives the buffer back (a new one takes its place if it grew too large). */
    @Override
    public void close() {
        if (this.slot != null) {
            this.slot[0] = this.text.capacity() <= KEPT_CAPACITY ? this.text : new StringBuilder(256);
        }
    }
}
