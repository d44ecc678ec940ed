package io.samokoder.migrations.ops;

/**
 * A builder kept per thread for text written piece by piece (a {@code CREATE TABLE} with its columns
 * and constraints, a name from the naming convention's template), so that only the finished text is
 * allocated, not a builder per text and the strings of its parts. Taken while in use: a nested use
 * gets a builder of its own. Not kept once grown past {@value #KEPT_CAPACITY} characters.
 */
final class TextBuffer implements AutoCloseable {

    private static final int KEPT_CAPACITY = 1 << 14;
    private static final ThreadLocal<TextBuffer> CURRENT = ThreadLocal.withInitial(TextBuffer::new);

    private final StringBuilder text = new StringBuilder(256);
    private boolean taken;

    private TextBuffer() {
    }

    /** The current thread's buffer, empty, or a new one while that one is in use. */
    static TextBuffer take() {
        TextBuffer buffer = CURRENT.get();
        if (buffer.taken) {
            buffer = new TextBuffer();
        }
        buffer.taken = true;
        buffer.text.setLength(0);
        return buffer;
    }

    /** The builder to write into. */
    StringBuilder text() {
        return this.text;
    }

    /** Gives the buffer back (drops the thread's buffer if it grew too large). */
    @Override
    public void close() {
        this.taken = false;
        if (this.text.capacity() > KEPT_CAPACITY && CURRENT.get() == this) {
            CURRENT.remove();
        }
    }
}
