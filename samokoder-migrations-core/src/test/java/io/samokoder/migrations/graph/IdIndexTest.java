package io.samokoder.migrations.graph;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IdIndexTest {

    @Test
    void findsEveryIdIncludingHashCollisions() {
        // "Aa" and "BB" share a hash code, and so do "AaAa", "AaBB", "BBAa" and "BBBB".
        String[] ids = {"Aa", "BB", "AaAa", "AaBB", "BBAa", "BBBB", "c", "d", "e"};
        IdIndex index = new IdIndex(ids.length);
        for (int i = 0; i < ids.length; i++) {
            assertThat(index.putIfAbsent(ids[i], i)).isEqualTo(-1);
        }
        for (int i = 0; i < ids.length; i++) {
            assertThat(index.get(ids[i])).isEqualTo(i);
        }
        assertThat(index.size()).isEqualTo(ids.length);
        assertThat(index.ids()).containsExactlyInAnyOrder(ids);
        assertThat(index.get("Ab")).isEqualTo(-1);
        assertThat(index.get(null)).isEqualTo(-1);
    }

    @Test
    void aSecondPutKeepsTheFirstPosition() {
        IdIndex index = new IdIndex(0);
        assertThat(index.putIfAbsent("a", 3)).isEqualTo(-1);
        assertThat(index.putIfAbsent("a", 7)).isEqualTo(3);
        assertThat(index.get("a")).isEqualTo(3);
        assertThat(index.size()).isEqualTo(1);
    }

    @Test
    void holdsManyIds() {
        int count = 5000;
        IdIndex index = new IdIndex(count);
        for (int i = 0; i < count; i++) {
            index.putIfAbsent("rev" + i, i);
        }
        for (int i = 0; i < count; i++) {
            assertThat(index.get("rev" + i)).isEqualTo(i);
        }
        assertThat(index.get("rev" + count)).isEqualTo(-1);
    }
}
