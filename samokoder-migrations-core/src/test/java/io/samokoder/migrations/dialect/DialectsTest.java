package io.samokoder.migrations.dialect;

import static org.assertj.core.api.Assertions.assertThat;

import io.samokoder.migrations.MigrationsConfig;
import io.samokoder.migrations.dialect.h2.H2Dialect;
import io.samokoder.migrations.dialect.mariadb.MariaDbDialect;
import io.samokoder.migrations.dialect.postgresql.PostgresDialect;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The known dialects by product, name and JDBC URL. */
class DialectsTest {

    @Test
    void byProductAsJdbcMetadataReportsIt() {
        assertThat(Dialects.forProduct("PostgreSQL")).contains(PostgresDialect.INSTANCE);
        assertThat(Dialects.forProduct("MariaDB")).contains(MariaDbDialect.INSTANCE);
        assertThat(Dialects.forProduct("MySQL")).contains(MariaDbDialect.MYSQL);
        assertThat(Dialects.forProduct("H2")).contains(H2Dialect.INSTANCE);
        assertThat(Dialects.forProduct("Oracle")).isEmpty();
        assertThat(Dialects.supportedProducts()).isEqualTo("PostgreSQL, MariaDB, MySQL and H2");
    }

    @Test
    void byNameIgnoringCase() {
        assertThat(Dialects.forName("MariaDB")).contains(MariaDbDialect.INSTANCE);
        assertThat(Dialects.forName(" h2 ")).contains(H2Dialect.INSTANCE);
        assertThat(Dialects.forName("oracle")).isEmpty();
        assertThat(Dialects.names()).isEqualTo("postgresql, mariadb, mysql, h2");
    }

    @Test
    void byJdbcUrlWithoutConnecting() {
        assertThat(Dialects.forJdbcUrl("jdbc:postgresql://db/app")).contains(PostgresDialect.INSTANCE);
        assertThat(Dialects.forJdbcUrl("jdbc:mariadb://db:3306/app")).contains(MariaDbDialect.INSTANCE);
        assertThat(Dialects.forJdbcUrl("JDBC:mysql://db/app")).contains(MariaDbDialect.MYSQL);
        assertThat(Dialects.forJdbcUrl("jdbc:h2:mem:test")).contains(H2Dialect.INSTANCE);
        assertThat(Dialects.forJdbcUrl("jdbc:oracle:thin:@db")).isEmpty();
        assertThat(Dialects.forJdbcUrl("postgresql://db/app")).isEmpty();
        assertThat(Dialects.forJdbcUrl(null)).isEmpty();
    }

    @Test
    void theRegistrysNamesAndProductsAreTheDialectsOwn() {
        List<Dialect> all = Dialects.all();
        assertThat(all).extracting(Dialect::name).containsExactly("postgresql", "mariadb", "mysql", "h2");
        for (Dialect dialect : all) {
            assertThat(Dialects.forName(dialect.name())).contains(dialect);
        }
        for (String product : List.of("PostgreSQL", "MariaDB", "MySQL", "H2", "postgresql", "Oracle", "")) {
            Dialect serving = null;
            for (Dialect dialect : all) {
                if (dialect.servesProduct(product)) {
                    assertThat(serving).as("one dialect per product").isNull();
                    serving = dialect;
                }
            }
            assertThat(Dialects.forProduct(product)).as(product).isEqualTo(Optional.ofNullable(serving));
        }
    }

    @Test
    void theDefaultTableNamesSuitEveryDialect() {
        for (Dialect dialect : Dialects.all()) {
            dialect.ddl().checkIdentifier(MigrationsConfig.DEFAULT_VERSION_TABLE, "versionTable");
            dialect.ddl().checkIdentifier(MigrationsConfig.DEFAULT_LOG_TABLE, "logTable");
        }
    }
}
