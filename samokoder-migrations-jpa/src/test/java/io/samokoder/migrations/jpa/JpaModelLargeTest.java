package io.samokoder.migrations.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import io.samokoder.migrations.dialect.Dialect;
import io.samokoder.migrations.dialect.h2.H2Dialect;
import io.samokoder.migrations.dialect.mariadb.MariaDbDialect;
import io.samokoder.migrations.dialect.postgresql.PostgresDialect;
import io.samokoder.migrations.jpa.fixtures.large.LargeModel;
import io.samokoder.migrations.ops.Column;
import io.samokoder.migrations.ops.ForeignKey;
import io.samokoder.migrations.ops.ReferentialAction;
import io.samokoder.migrations.ops.Type;
import io.samokoder.migrations.schema.Schema;
import io.samokoder.migrations.schema.SchemaSequence;
import io.samokoder.migrations.schema.SchemaTable;
import java.util.List;
import org.junit.jupiter.api.Test;

class JpaModelLargeTest {

    private static final JpaModel MODEL = JpaModel.ofClasses(LargeModel.CLASSES)
            .withPhysicalNamingStrategy(JpaModel.SPRING_PHYSICAL_NAMING_STRATEGY);

    @Test
    void thirtyTablesInAChainOnEveryDialect() {
        for (Dialect dialect : List.of(PostgresDialect.INSTANCE, MariaDbDialect.INSTANCE, H2Dialect.INSTANCE)) {
            Schema schema = MODEL.model(dialect);

            assertThat(schema.tables()).as(dialect.name()).hasSize(30);
            assertThat(schema.tables().stream().mapToInt(t -> t.foreignKeys().size()).sum()).isEqualTo(29);
            assertThat(schema.tables().stream().mapToInt(t -> t.indexes().size()).sum()).isEqualTo(7);
            assertThat(schema.tables().stream().mapToInt(t -> t.uniques().size()).sum()).isEqualTo(10);
            assertThat(schema.sequences()).hasSize(15).allMatch(s -> s.start() == 1 && s.increment() == 50);
            assertThat(schema.sequences()).contains(new SchemaSequence("country_seq", 1, 50));
        }
    }

    @Test
    void eachTableHasItsColumnsKeysAndActions() {
        Schema schema = MODEL.model(PostgresDialect.INSTANCE);

        SchemaTable warehouse = schema.table("warehouse").orElseThrow();
        assertThat(warehouse.columns()).containsExactly(
                Column.of("id", Type.BIGINT).notNull().autoincrement(),
                Column.of("amount", Type.numeric(12, 2)),
                Column.of("code", Type.string(15)).notNull(),
                Column.of("counter", Type.BIGINT).notNull(),
                Column.of("created_at", Type.TIMESTAMPTZ),
                Column.of("flag", Type.BOOLEAN).notNull(),
                Column.of("parent_id", Type.BIGINT).notNull());
        assertThat(warehouse.foreignKeys()).singleElement()
                .satisfies(key -> assertThat(key.onDelete()).isEqualTo(ReferentialAction.CASCADE))
                .extracting(ForeignKey::referredTable).isEqualTo("district");
        SchemaTable category = schema.table("category").orElseThrow();
        assertThat(category.column("reference")).contains(Column.of("reference", Type.UUID));
        assertThat(category.column("created_at")).contains(Column.of("created_at", Type.TIMESTAMP));
        assertThat(category.column("counter")).contains(Column.of("counter", Type.INTEGER));
        assertThat(category.indexes()).singleElement()
                .satisfies(index -> assertThat(index.columnNames()).containsExactly("code", "flag"));
        assertThat(schema.table("shelf").orElseThrow().column("state"))
                .contains(Column.of("state", Type.string(10)));
    }
}
