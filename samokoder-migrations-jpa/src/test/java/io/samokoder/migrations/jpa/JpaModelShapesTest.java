package io.samokoder.migrations.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import io.samokoder.migrations.dialect.postgresql.PostgresDialect;
import io.samokoder.migrations.jpa.fixtures.shapes.Shapes;
import io.samokoder.migrations.ops.Column;
import io.samokoder.migrations.ops.ForeignKey;
import io.samokoder.migrations.ops.Type;
import io.samokoder.migrations.ops.Unique;
import io.samokoder.migrations.schema.Schema;
import io.samokoder.migrations.schema.SchemaSequence;
import io.samokoder.migrations.schema.SchemaTable;
import java.util.List;
import org.junit.jupiter.api.Test;

class JpaModelShapesTest {

    private final Schema schema = JpaModel.ofClasses(Shapes.CLASSES)
            .withPhysicalNamingStrategy(JpaModel.SPRING_PHYSICAL_NAMING_STRATEGY).model(PostgresDialect.INSTANCE);

    @Test
    void everyPhysicalTableButTheAbstractUnionRoot() {
        assertThat(schema.tables()).extracting(SchemaTable::name).containsExactlyInAnyOrder("animal", "card_payment",
                "invoice", "member", "membership", "payment", "profile", "receipt", "receipt_line");
        assertThat(schema.sequences()).extracting(SchemaSequence::name).containsExactlyInAnyOrder("animal_seq",
                "document_seq", "member_seq", "payment_seq", "profile_seq");
    }

    @Test
    void inheritanceGivesDiscriminatorsKeysAndInheritedColumns() {
        SchemaTable animal = schema.table("animal").orElseThrow();
        assertThat(animal.column("dtype")).contains(Column.of("dtype", Type.string(31)).notNull());
        assertThat(animal.column("good_boy")).contains(Column.of("good_boy", Type.BOOLEAN));
        SchemaTable payment = schema.table("payment").orElseThrow();
        assertThat(payment.column("version")).contains(Column.of("version", Type.BIGINT).notNull());
        assertThat(payment.column("changed_at")).contains(Column.of("changed_at", Type.TIMESTAMPTZ));
        SchemaTable card = schema.table("card_payment").orElseThrow();
        assertThat(card.primaryKey().columns()).containsExactly("id");
        assertThat(card.foreignKeys()).singleElement().extracting(ForeignKey::referredTable).isEqualTo("payment");
    }

    @Test
    void collectionsCompositeKeysAndOneToOne() {
        SchemaTable lines = schema.table("receipt_line").orElseThrow();
        assertThat(lines.columns()).extracting(Column::name).containsExactly("receipt_id", "line");
        assertThat(lines.primaryKey()).isNull();
        assertThat(schema.table("membership").orElseThrow().primaryKey().columns())
                .containsExactlyInAnyOrder("club", "member_id");
        assertThat(schema.table("member").orElseThrow().uniques()).singleElement().extracting(Unique::columns)
                .isEqualTo(List.of("profile_id"));
    }
}
