package io.samokoder.migrations.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A columnDefinition's type is only the part before its clauses. No database. */
class ColumnDefinitionTest {

    @Test
    void splitsTheTypeFromItsClauses() {
        assertThat(ColumnDefinition.parse("boolean default false not null"))
            .isEqualTo(new ColumnDefinition("boolean", "false", true));
        assertThat(ColumnDefinition.parse("varchar(20) DEFAULT 'n/a not null'"))
            .isEqualTo(new ColumnDefinition("varchar(20)", "'n/a not null'", false));
        assertThat(ColumnDefinition.parse("numeric(10, 2) NOT NULL DEFAULT 0"))
            .isEqualTo(new ColumnDefinition("numeric(10, 2)", "0", true));
        assertThat(ColumnDefinition.parse("timestamp with time zone default now()"))
            .isEqualTo(new ColumnDefinition("timestamp with time zone", "now()", false));
        assertThat(ColumnDefinition.parse("enum('not', 'null')")).isEqualTo(new ColumnDefinition("enum('not', 'null')",
                null, false));
        assertThat(ColumnDefinition.parse("char(3)")).isEqualTo(new ColumnDefinition("char(3)", null, false));
    }
}
