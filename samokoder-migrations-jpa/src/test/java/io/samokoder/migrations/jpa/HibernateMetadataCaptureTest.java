package io.samokoder.migrations.jpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.samokoder.migrations.dialect.h2.H2Dialect;
import io.samokoder.migrations.jpa.fixtures.medium.Address;
import io.samokoder.migrations.jpa.fixtures.medium.Customer;
import io.samokoder.migrations.jpa.fixtures.medium.OrderLine;
import io.samokoder.migrations.jpa.fixtures.medium.Product;
import io.samokoder.migrations.jpa.fixtures.medium.PurchaseOrder;
import io.samokoder.migrations.jpa.fixtures.medium.Tag;
import io.samokoder.migrations.schema.Schema;
import org.hibernate.SessionFactory;
import org.hibernate.jpa.HibernatePersistenceConfiguration;
import org.junit.jupiter.api.Test;

class HibernateMetadataCaptureTest {

    @Test
    void capturesTheMappingOfASessionFactoryBeingBuilt() {
        HibernateMetadataCapture capture = new HibernateMetadataCapture();
        HibernatePersistenceConfiguration configuration = new HibernatePersistenceConfiguration("capture")
                .managedClasses(Address.class, Customer.class, Tag.class, Product.class, PurchaseOrder.class,
                        OrderLine.class)
                .jdbcUrl("jdbc:h2:mem:capture;DB_CLOSE_DELAY=-1")
                .jdbcCredentials("sa", "")
                .property(HibernateMetadataCapture.INTEGRATOR_PROVIDER, capture)
                .property("hibernate.physical_naming_strategy", JpaModel.SPRING_PHYSICAL_NAMING_STRATEGY);

        try (SessionFactory factory = configuration.createEntityManagerFactory()) {
            assertThat(factory.isOpen()).isTrue();
        }

        Schema captured = capture.model().model(H2Dialect.INSTANCE);
        Schema built = JpaModel.ofClasses(Address.class, Customer.class, Tag.class, Product.class, PurchaseOrder.class,
                OrderLine.class).withPhysicalNamingStrategy(JpaModel.SPRING_PHYSICAL_NAMING_STRATEGY)
                .model(H2Dialect.INSTANCE);
        assertThat(captured.tables()).hasSize(6);
        assertThat(captured).isEqualTo(built);
        assertThat(capture.model().model(H2Dialect.INSTANCE)).as("converted again").isEqualTo(captured);
        assertThat(capture.getIntegrators()).containsExactly(capture);
    }

    @Test
    void aCaptureWithoutASessionFactorySaysHowToSetItUp() {
        HibernateMetadataCapture capture = new HibernateMetadataCapture();

        assertThat(capture.metadata()).isEmpty();
        assertThatThrownBy(capture::model).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("'hibernate.integrator_provider'");
    }

    @Test
    void aModelOfBuiltMetadataKeepsItsOwnSettings() {
        HibernateMetadataCapture capture = new HibernateMetadataCapture();
        try (SessionFactory factory = new HibernatePersistenceConfiguration("settings").managedClasses(Tag.class)
                .jdbcUrl("jdbc:h2:mem:settings;DB_CLOSE_DELAY=-1").jdbcCredentials("sa", "")
                .property(HibernateMetadataCapture.INTEGRATOR_PROVIDER, capture).createEntityManagerFactory()) {
            assertThat(factory.isOpen()).isTrue();
        }

        assertThatThrownBy(() -> capture.model().withImplicitNamingStrategy("jpa"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("keeps its own settings");
    }
}
