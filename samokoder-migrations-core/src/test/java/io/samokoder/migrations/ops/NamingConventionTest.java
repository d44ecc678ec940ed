package io.samokoder.migrations.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.samokoder.migrations.MigrationConfigurationException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NamingConventionTest {

    @Test
    void defaultTemplates() {
        assertThat(NamingConvention.DEFAULT.templates()).containsExactly(
                Map.entry("ck", "ck_%(table_name)s_%(constraint_name)s"),
                Map.entry("fk", "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s"),
                Map.entry("ix", "ix_%(table_name)s_%(column_0_N_name)s"),
                Map.entry("pk", "pk_%(table_name)s"),
                Map.entry("uq", "uq_%(table_name)s_%(column_0_N_name)s"));
        // Made without the checks of of(), which must accept its templates all the same.
        assertThat(NamingConvention.of(NamingConvention.DEFAULT.templates()).templates())
                .isEqualTo(NamingConvention.DEFAULT.templates());
    }

    @Test
    void withReplacesTheGivenKindsAndKeepsTheOthers() {
        NamingConvention naming = NamingConvention.DEFAULT.with(Map.of("pk", "pkey_%(table_name)s"));
        assertThat(naming.templates()).containsEntry("pk", "pkey_%(table_name)s")
                .containsEntry("fk", NamingConvention.DEFAULT.templates().get("fk")).hasSize(5);
        assertThat(naming.resolve("o", ForeignKey.from("a").references("p", "x")).name()).isEqualTo("fk_o_a_p");
        assertThat(NamingConvention.NONE.with(Map.of("uq", "%(table_name)s_key")).templates())
                .containsExactly(Map.entry("uq", "%(table_name)s_key"));
    }

    @Test
    void tokensAndExplicitNames() {
        NamingConvention naming = NamingConvention.of(Map.of(
                "ix", "%(column_0_label)s_idx", "uq", "%(table_name)s_%(column_0N_name)s_key",
                "fk", "%(table_name)s_%(referred_table_name)s_%(referred_column_0_N_name)s_fkey",
                "ck", "%(constraint_name)s_check"));
        assertThat(naming.resolve(Index.on("users", "email")).name()).isEqualTo("users_email_idx");
        assertThat(naming.resolve(Index.on("users", "email").named("mine")).name()).isEqualTo("mine");
        assertThat(naming.resolve("users", Unique.of("a", "b")).name()).isEqualTo("users_ab_key");
        assertThat(naming.resolve("o", ForeignKey.from("a", "b").references("p", "x", "y")).name())
                .isEqualTo("o_p_x_y_fkey");
        assertThat(naming.resolve("t", Check.of("positive", "a > 0")).name()).isEqualTo("positive_check");
        assertThat(naming.resolve("t", PrimaryKey.of("id")).name()).isNull();
        assertThat(NamingConvention.NONE.resolve("t", Unique.of("a")).name()).isNull();
    }

    @Test
    void badTemplatesNameKeyAndToken() {
        assertThatThrownBy(() -> NamingConvention.of(Map.of("ix", "ix_%(tabel_name)s")))
                .isInstanceOf(MigrationConfigurationException.class)
                .hasMessageStartingWith("Naming convention 'ix' = 'ix_%(tabel_name)s' uses the token %(tabel_name)s,"
                        + " which ix does not have; use %(table_name)s");
        assertThatThrownBy(() -> NamingConvention.of(Map.of("ck", "ck_%(column_0_name)s")))
                .hasMessageContaining("%(column_0_name)s, which ck does not have");
        assertThatThrownBy(() -> NamingConvention.of(Map.of("pk", "pk_%(referred_table_name)s")))
                .hasMessageContaining("which pk does not have");
        assertThatThrownBy(() -> NamingConvention.of(Map.of("ix", "ix_%s")))
                .hasMessageContaining("has a '%' outside a token");
        assertThatThrownBy(() -> NamingConvention.of(Map.of("idx", "ix_%(table_name)s")))
                .hasMessage("Naming convention key 'idx' is unknown; use ix, uq, ck, fk or pk");
        assertThatThrownBy(() -> NamingConvention.of(Map.of("uq", " "))).hasMessageContaining("is blank");
    }
}
