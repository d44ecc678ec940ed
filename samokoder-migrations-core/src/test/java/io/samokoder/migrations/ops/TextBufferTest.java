package io.samokoder.migrations.ops;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The per-thread builder is reused, a nested use gets its own, and a grown one is not kept. */
class TextBufferTest {

    @Test
    void theThreadsBuilderIsReusedEmpty() {
        StringBuilder first;
        try (TextBuffer buffer = TextBuffer.take()) {
            first = buffer.text();
            first.append("CREATE TABLE t");
        }
        try (TextBuffer buffer = TextBuffer.take()) {
            assertThat(buffer.text()).isSameAs(first).isEmpty();
        }
    }

    @Test
    void aNestedUseGetsABuilderOfItsOwn() {
        try (TextBuffer outer = TextBuffer.take()) {
            outer.text().append("outer");
            try (TextBuffer inner = TextBuffer.take()) {
                assertThat(inner.text()).isNotSameAs(outer.text()).isEmpty();
                inner.text().append("inner");
            }
            assertThat(outer.text()).hasToString("outer");
        }
    }

    @Test
    void aBuilderGrownPastTheLimitIsNotKept() {
        StringBuilder grown;
        try (TextBuffer buffer = TextBuffer.take()) {
            grown = buffer.text();
            grown.append("x".repeat((1 << 14) + 1));
        }
        try (TextBuffer buffer = TextBuffer.take()) {
            assertThat(buffer.text()).isNotSameAs(grown);
        }
    }
}
