package io.samokoder.migrations.jpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.samokoder.migrations.dialect.h2.H2Dialect;
import io.samokoder.migrations.dialect.postgresql.PostgresDialect;
import io.samokoder.migrations.jpa.fixtures.named.Priced;
import io.samokoder.migrations.jpa.fixtures.named.Visit;
import io.samokoder.migrations.jpa.fixtures.schemas.Invoice;
import io.samokoder.migrations.jpa.fixtures.schemas.Ledger;
import io.samokoder.migrations.ops.Column;
import io.samokoder.migrations.ops.Type;
import io.samokoder.migrations.schema.Schema;
import org.junit.jupiter.api.Test;

class JpaModelNamedEnumTest {

    @Test
    void aNamedEnumIsAPostgresqlEnumTypeAndAColumnDefinitionIsKeptAsWritten() {
        Schema schema = JpaModel.ofClasses(Visit.class, Priced.class).model(PostgresDialect.INSTANCE);

        assertThat(schema.table("visit").orElseThrow().column("channel"))
                // Hibernate creates the type as "create type Channel ...", which PostgreSQL folds to channel.
                .contains(Column.of("channel", Type.enumOf("channel", "WEB", "SHOP", "PHONE")));
        assertThat(schema.table("priced").orElseThrow().column("currency"))
                .contains(Column.of("currency", Type.sql("char(3)")));
    }

    @Test
    void aTableOfAnotherSchemaAndTheKeysToItAreLeftOut() {
        Schema schema = JpaModel.ofClasses(Invoice.class, Ledger.class).model(PostgresDialect.INSTANCE);

        assertThat(schema.tables()).extracting(t -> t.name()).containsExactly("invoice");
        // The key would be written as REFERENCES ledger: a table of the current schema, which does not exist.
        assertThat(schema.table("invoice").orElseThrow().foreignKeys()).isEmpty();
        assertThat(schema.table("invoice").orElseThrow().column("ledger_id")).isPresent();
    }

    @Test
    void aTypeTheDatabaseLacksNamesTheColumnAndHibernatesReason() {
        assertThatThrownBy(() -> JpaModel.ofClasses(Visit.class).model(H2Dialect.INSTANCE))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("Column visit.channel of entity " + Visit.class.getName()
                        + " has no SQL type on h2: ")
                .hasMessageContaining("NAMED_ENUM");
    }
}
