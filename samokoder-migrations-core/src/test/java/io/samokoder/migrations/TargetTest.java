package io.samokoder.migrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class TargetTest {

    @Test
    void parsesWhitespaceSeparatedSpecs() {
        assertThat(Target.parse(" a1b2  users@head ").specs()).containsExactly("a1b2", "users@head");
        assertThat(Target.parse("heads")).isEqualTo(Target.HEADS);
        assertThat(Target.parse("")).isEqualTo(Target.BASE);
        assertThat(Target.of("a", "b")).hasToString("a b");
        assertThat(Target.HEADS.isHeads()).isTrue();
        assertThat(Target.of("heads", "x").isHeads()).isFalse();
    }

    @Test
    void refusesBlankSpecsAndSpecsWithBlanks() {
        assertThatThrownBy(() -> Target.of(List.of())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least one revision spec");
        assertThatThrownBy(() -> Target.of("a b")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Revision spec 'a b' is blank or contains whitespace; give each spec as its own argument");
    }
}
