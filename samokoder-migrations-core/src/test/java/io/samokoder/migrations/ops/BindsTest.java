package io.samokoder.migrations.ops;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BindsTest {

    @Test
    void findsBindsOutsideQuotesCommentsAndCasts() {
        assertThat(Binds.names("SELECT :a, ':b', \":c\", `:d`, x::int, /* :e /* :f */ */ :g -- :h\n, $$:i$$,"
                + " $t$ :j $t$, :k_1, E'it''s :l', :a")).containsExactly("a", "g", "k_1");
        assertThat(Binds.replace("a = :a AND b = ':a'", n -> "1")).isEqualTo("a = 1 AND b = ':a'");
        assertThat(Binds.names("SELECT $1, a:=b, 10:30, x:y")).isEmpty();
    }
}
