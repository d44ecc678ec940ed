package io.samokoder.migrations.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import io.samokoder.migrations.dialect.Dialect;
import io.samokoder.migrations.dialect.h2.H2Dialect;
import io.samokoder.migrations.dialect.mariadb.MariaDbDialect;
import io.samokoder.migrations.dialect.postgresql.PostgresDialect;
import io.samokoder.migrations.jpa.fixtures.medium.Address;
import io.samokoder.migrations.jpa.fixtures.medium.Customer;
import io.samokoder.migrations.jpa.fixtures.medium.OrderLine;
import io.samokoder.migrations.jpa.fixtures.medium.Product;
import io.samokoder.migrations.jpa.fixtures.medium.PurchaseOrder;
import io.samokoder.migrations.jpa.fixtures.medium.Tag;
import io.samokoder.migrations.ops.Column;
import io.samokoder.migrations.ops.ForeignKey;
import io.samokoder.migrations.ops.Index;
import io.samokoder.migrations.ops.PrimaryKey;
import io.samokoder.migrations.ops.ReferentialAction;
import io.samokoder.migrations.ops.Type;
import io.samokoder.migrations.ops.Unique;
import io.samokoder.migrations.schema.Schema;
import io.samokoder.migrations.schema.SchemaSequence;
import io.samokoder.migrations.schema.SchemaTable;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The medium fixture with Spring Boot's snake-case names, as most applications name their tables. */
class JpaModelMediumTest {

    private static final JpaModel MODEL = JpaModel.ofClasses(Address.class, Customer.class, Tag.class, Product.class,
            PurchaseOrder.class, OrderLine.class).withPhysicalNamingStrategy(JpaModel.SPRING_PHYSICAL_NAMING_STRATEGY);

    @Test
    void postgresqlTables() {
        Schema schema = MODEL.model(PostgresDialect.INSTANCE);

        assertThat(schema.tables()).extracting(SchemaTable::name)
                .containsExactly("customer", "order_line", "product", "product_tags", "purchase_order", "tag");
        SchemaTable customer = schema.table("customer").orElseThrow();
        assertThat(customer.columns()).containsExactly(
                Column.of("id", Type.UUID).notNull(),
                Column.of("active", Type.BOOLEAN).serverDefault("true"),
                Column.of("city", Type.string(80)),
                Column.of("street", Type.string(255)),
                Column.of("zip", Type.string(10)),
                Column.of("created_at", Type.TIMESTAMPTZ),
                Column.of("display_name", Type.string(255)).notNull(),
                Column.of("email", Type.string(120)).notNull().comment("Where invoices go"),
                Column.of("notes", Type.sql("oid")),
                Column.of("status", Type.string(20)),
                Column.of("tier", Type.SMALLINT));
        assertThat(customer.primaryKey()).isEqualTo(new PrimaryKey(null, List.of("id")));
        assertThat(customer.comment()).isEqualTo("Buyers");
        assertThat(customer.uniques()).containsExactly(new Unique("ukdwk6cx0afu8bs9o4t536v1j5v", List.of("email")),
                new Unique("uq_customer_name_city", List.of("display_name", "city")));
        assertThat(customer.indexes()).containsExactly(
                Index.on("customer", "display_name").named("ix_customer_display_name"));
        assertThat(customer.foreignKeys()).isEmpty();
    }

    @Test
    void postgresqlKeysAndSequences() {
        Schema schema = MODEL.model(PostgresDialect.INSTANCE);

        SchemaTable line = schema.table("order_line").orElseThrow();
        assertThat(line.column("id")).contains(Column.of("id", Type.BIGINT).notNull().autoincrement());
        assertThat(line.column("quantity")).contains(Column.of("quantity", Type.INTEGER).notNull().serverDefault("1"));
        assertThat(line.foreignKeys()).containsExactlyInAnyOrder(
                ForeignKey.from("product_id").references("product", "id").named("fkpf904tci8garypkvm32cqupye"),
                ForeignKey.from("purchase_order_id").references("purchase_order", "id")
                        .onDelete(ReferentialAction.CASCADE).named("fk5vvtlps3u3s7l94w7f1w2daa0"));
        SchemaTable join = schema.table("product_tags").orElseThrow();
        assertThat(join.primaryKey().columns()).containsExactly("product_id", "tags_id");
        assertThat(join.foreignKeys()).extracting(ForeignKey::referredTable).containsExactlyInAnyOrder("product", "tag");
        SchemaTable product = schema.table("product").orElseThrow();
        assertThat(product.column("price")).contains(Column.of("price", Type.numeric(10, 2)));
        assertThat(product.column("weight")).contains(Column.of("weight", Type.DOUBLE).notNull());
        assertThat(schema.table("purchase_order").orElseThrow().column("customer_id"))
                .contains(Column.of("customer_id", Type.UUID).notNull());
        assertThat(schema.sequences()).containsExactly(new SchemaSequence("purchase_order_seq", 1, 50),
                new SchemaSequence("tag_ids", 100, 10));
    }

    @Test
    void mariadbKeepsNamesAsWrittenAndUsesItsEnumAndUuidTypes() {
        Schema schema = MODEL.model(MariaDbDialect.INSTANCE);

        SchemaTable customer = schema.table("customer").orElseThrow();
        assertThat(customer.column("id")).contains(Column.of("id", Type.sql("binary(16)")).notNull());
        assertThat(customer.column("status"))
                .contains(Column.of("status", Type.enumOf("status", "ACTIVE", "CLOSED", "SUSPENDED")));
        assertThat(customer.column("notes")).contains(Column.of("notes", Type.sql("longtext")));
        assertThat(customer.column("tier")).contains(Column.of("tier", Type.sql("tinyint")));
        assertThat(customer.column("created_at")).contains(Column.of("created_at", Type.TIMESTAMP));
        assertThat(customer.uniques()).extracting(Unique::name)
                .containsExactly("UKdwk6cx0afu8bs9o4t536v1j5v", "uq_customer_name_city");
        assertThat(schema.table("order_line").orElseThrow().foreignKeys()).extracting(ForeignKey::name)
                .allMatch(name -> name.startsWith("FK"));
        assertThat(schema.sequences()).extracting(SchemaSequence::name).containsExactly("purchase_order_seq", "tag_ids");
    }

    @Test
    void theDatabaseVersionHibernateAssumesCanBeGiven() {
        Schema schema = MODEL.withProperties(Map.of("jakarta.persistence.database-product-version", "11.4.5"))
                .model(MariaDbDialect.INSTANCE);

        assertThat(schema.table("customer").orElseThrow().column("id"))
                .contains(Column.of("id", Type.sql("uuid")).notNull());
    }

    @Test
    void theServerVersionAComparisonGivesIsUsedUnlessOneWasSet() {
        assertThat(idType(MODEL.model(MariaDbDialect.INSTANCE, "11.4.5-MariaDB"))).isEqualTo(Type.sql("uuid"));
        Type assumed = idType(MODEL.model(MariaDbDialect.INSTANCE));
        assertThat(assumed).isNotEqualTo(Type.sql("uuid"));
        assertThat(idType(MODEL.model(MariaDbDialect.INSTANCE, null))).isEqualTo(assumed);
        assertThat(idType(MODEL.withProperties(Map.of("jakarta.persistence.database-product-version", "10.6"))
                .model(MariaDbDialect.INSTANCE, "11.4.5-MariaDB"))).isEqualTo(assumed);
    }

    private static Type idType(Schema schema) {
        return schema.table("customer").orElseThrow().column("id").orElseThrow().type();
    }

    @Test
    void h2NamesInLowerCase() {
        Schema schema = MODEL.model(H2Dialect.INSTANCE);

        SchemaTable customer = schema.table("customer").orElseThrow();
        assertThat(customer.column("status"))
                .contains(Column.of("status", Type.enumOf("status", "ACTIVE", "CLOSED", "SUSPENDED")));
        assertThat(customer.column("notes")).contains(Column.of("notes", Type.sql("character large object")));
        assertThat(customer.column("tier")).contains(Column.of("tier", Type.sql("tinyint")));
        assertThat(customer.uniques()).extracting(Unique::name)
                .containsExactly("ukdwk6cx0afu8bs9o4t536v1j5v", "uq_customer_name_city");
        assertThat(schema.table("order_line").orElseThrow().foreignKeys()).extracting(ForeignKey::name)
                .allMatch(name -> name.startsWith("fk"));
    }

    @Test
    void packagesGiveTheSameModelAsTheClasses() {
        JpaModel scanned = JpaModel.ofPackages(getClass().getClassLoader(), "io.samokoder.migrations.jpa.fixtures.medium")
                .withPhysicalNamingStrategy(JpaModel.SPRING_PHYSICAL_NAMING_STRATEGY);

        for (Dialect dialect : List.of(PostgresDialect.INSTANCE, MariaDbDialect.INSTANCE, H2Dialect.INSTANCE)) {
            assertThat(scanned.model(dialect)).as(dialect.name()).isEqualTo(MODEL.model(dialect));
        }
    }
}
