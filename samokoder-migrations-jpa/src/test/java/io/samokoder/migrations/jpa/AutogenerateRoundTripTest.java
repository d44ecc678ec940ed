package io.samokoder.migrations.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import io.samokoder.migrations.dialect.Dialect;
import io.samokoder.migrations.jpa.fixtures.evolve.v1.EvolveV1;
import io.samokoder.migrations.jpa.fixtures.evolve.v2.EvolveV2;
import io.samokoder.migrations.jpa.fixtures.large.LargeModel;
import io.samokoder.migrations.jpa.fixtures.medium.Address;
import io.samokoder.migrations.jpa.fixtures.medium.Customer;
import io.samokoder.migrations.jpa.fixtures.medium.OrderLine;
import io.samokoder.migrations.jpa.fixtures.medium.Product;
import io.samokoder.migrations.jpa.fixtures.medium.PurchaseOrder;
import io.samokoder.migrations.jpa.fixtures.medium.Tag;
import io.samokoder.migrations.jpa.fixtures.named.Priced;
import io.samokoder.migrations.jpa.fixtures.shapes.Shapes;
import io.samokoder.migrations.jpa.fixtures.small.Note;
import io.samokoder.migrations.schema.Schema;
import io.samokoder.migrations.schema.SchemaChange;
import io.samokoder.migrations.schema.SchemaDiff;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The property autogenerate promises, for each fixture on one database: generate, apply, generate again gives
 * nothing; downgrade gives back the catalog as it was; a changed model upgrades and downgrades between its
 * versions; and a schema Hibernate itself created compares equal to the model.
 */
abstract class AutogenerateRoundTripTest {

    private static final Class<?>[] MEDIUM = {Address.class, Customer.class, Tag.class, Product.class,
        PurchaseOrder.class, OrderLine.class};

    /** The database's dialect. */
    abstract Dialect dialect();

    /** Runs the body on a connection to a fresh, empty database, dropped afterwards. */
    abstract void onFreshDatabase(DatabaseBody body) throws Exception;

    /**
     * The catalog expected after downgrading v2 to v1: v1's, unless the database keeps something the
     * downgrade does not remove.
     */
    Schema v1AfterDowngrade(Schema atV1) {
        return atV1;
    }

    /** A test body given a connection. */
    @FunctionalInterface
    interface DatabaseBody {
        void run(Connection connection) throws SQLException;
    }

    @Test
    void smallModelRoundTrips() throws Exception {
        roundTrip(JpaModel.ofClasses(Note.class));
    }

    @Test
    void smallModelWithSnakeCaseNamesRoundTrips() throws Exception {
        roundTrip(snakeCase(JpaModel.ofClasses(Note.class)));
    }

    @Test
    void mediumModelRoundTrips() throws Exception {
        roundTrip(snakeCase(JpaModel.ofPackages(getClass().getClassLoader(),
                "io.samokoder.migrations.jpa.fixtures.medium")));
    }

    @Test
    void mediumModelWithHibernatesNamesRoundTrips() throws Exception {
        roundTrip(JpaModel.ofPackages(getClass().getClassLoader(), "io.samokoder.migrations.jpa.fixtures.medium"));
    }

    @Test
    void inheritanceCollectionsAndCompositeKeysRoundTrip() throws Exception {
        roundTrip(snakeCase(JpaModel.ofClasses(Shapes.CLASSES)));
    }

    @Test
    void aColumnDefinitionRoundTrips() throws Exception {
        roundTrip(JpaModel.ofClasses(Priced.class));
    }

    @Test
    void largeModelRoundTrips() throws Exception {
        roundTrip(snakeCase(JpaModel.ofClasses(LargeModel.CLASSES)));
    }

    @Test
    void aChangedModelUpgradesAndDowngradesBetweenItsVersions() throws Exception {
        JpaModel v1 = snakeCase(JpaModel.ofClasses(EvolveV1.CLASSES));
        JpaModel v2 = snakeCase(JpaModel.ofClasses(EvolveV2.CLASSES));
        onFreshDatabase(connection -> {
            AutogenerateRoundTrip loop = new AutogenerateRoundTrip(connection, dialect());
            Schema empty = loop.catalog();
            SchemaDiff first = loop.upgrade(v1);
            Schema atV1 = loop.catalogByName();

            SchemaDiff second = loop.upgrade(v2);
            assertThat(second.changes()).extracting(SchemaChange::kind).contains("add_table", "add_column",
                    "remove_column", "modify_nullable", "modify_type", "add_index", "add_fk");
            loop.run(second.downgrade());
            assertThat(loop.catalogByName()).isEqualTo(v1AfterDowngrade(atV1));

            loop.run(first.downgrade());
            assertThat(loop.catalog()).isEqualTo(empty);
        });
    }

    @Test
    void aSchemaHibernateCreatedMatchesTheModel() throws Exception {
        hibernateCreated(MEDIUM);
        hibernateCreated(Shapes.CLASSES);
        hibernateCreated(LargeModel.CLASSES);
    }

    /** Runs Hibernate's own create script on a fresh database and compares the model with what it made. */
    private void hibernateCreated(Class<?>... classes) throws Exception {
        onFreshDatabase(connection -> {
            String version = connection.getMetaData().getDatabaseProductVersion();
            Map<String, Object> settings = Map.of("jakarta.persistence.database-product-version", version,
                    "hibernate.physical_naming_strategy", JpaModel.SPRING_PHYSICAL_NAMING_STRATEGY);
            AutogenerateRoundTrip loop = new AutogenerateRoundTrip(connection, dialect());
            try (Statement statement = connection.createStatement()) {
                for (String sql : HibernateDdl.create(dialect(), version, settings, classes)) {
                    statement.execute(sql);
                }
            }
            loop.assertNoChanges(JpaModel.ofClasses(classes).withProperties(settings));
        });
    }

    /** Upgrades an empty database to the model, checks nothing is left to do, and downgrades it back. */
    void roundTrip(JpaModel model) throws Exception {
        onFreshDatabase(connection -> {
            AutogenerateRoundTrip loop = new AutogenerateRoundTrip(connection, dialect());
            Schema empty = loop.catalog();
            assertThat(empty.tables()).isEmpty();

            SchemaDiff diff = loop.upgrade(model);
            assertThat(loop.catalog().tables()).hasSameSizeAs(model.model(dialect()).tables());

            loop.run(diff.downgrade());
            assertThat(loop.catalog()).isEqualTo(empty);
        });
    }

    private static JpaModel snakeCase(JpaModel model) {
        return model.withPhysicalNamingStrategy(JpaModel.SPRING_PHYSICAL_NAMING_STRATEGY);
    }
}
