package io.samokoder.migrations.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.samokoder.migrations.Command;
import io.samokoder.migrations.Migrations;
import io.samokoder.migrations.MigrationsConfig;
import io.samokoder.migrations.testsupport.TestDatabase;
import io.samokoder.migrations.testsupport.TestMariaDb;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * The starter on H2 and MariaDB beside PostgreSQL: the dialect is detected from the DataSource, or
 * set with {@code samokoder.migrations.dialect}; Java revisions run on each.
 */
class MigrationsDialectAutoConfigurationTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, MigrationsAutoConfiguration.class))
        .withPropertyValues("samokoder.migrations.locations=classpath:db/none",
                "samokoder.migrations.java-packages=io.samokoder.migrations.autoconfigure.portable");

    private static String h2Url() {
        return "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    }

    @Test
    void anH2DataSourceIsMigratedWithTheDetectedDialect() {
        String url = h2Url();
        this.runner.withPropertyValues("spring.datasource.url=" + url).run((context) -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean(Migrations.class).current()).containsExactly("n2");
            assertThat(single(url, "sa", "", "SELECT body FROM notes WHERE id = 1")).isEqualTo("It's here");
        });
    }

    @Test
    void aMariaDbDataSourceIsMigratedWithTheDetectedDialect() {
        try (TestDatabase db = TestMariaDb.createDatabase("ac")) {
            this.runner
                .withPropertyValues("spring.datasource.url=" + db.jdbcUrl(), "spring.datasource.username=" + db.user(),
                        "spring.datasource.password=" + db.password())
                .run((context) -> {
                    assertThat(context).hasNotFailed();
                    Migrations migrations = context.getBean(Migrations.class);
                    assertThat(migrations.current()).containsExactly("n2");
                    assertThat(single(db.jdbcUrl(), db.user(), db.password(), "SELECT body FROM notes WHERE id = 1"))
                        .isEqualTo("It's here");
                    migrations.downgrade("base");
                    assertThat(migrations.current()).isEmpty();
                });
        }
    }

    @Test
    void aMariaDbServerReachedThroughMySqlConnectorJIsMigratedWithMariaDbsDialect() {
        try (TestDatabase db = TestMariaDb.createDatabase("accj")) {
            // Connector/J names every server "MySQL"; MySQL's statement timeout variable does not exist on MariaDB.
            String url = db.jdbcUrl().replaceFirst("^jdbc:mariadb:", "jdbc:mysql:");
            this.runner
                .withPropertyValues("spring.datasource.url=" + url, "spring.datasource.username=" + db.user(),
                        "spring.datasource.password=" + db.password(), "samokoder.migrations.statement-timeout=1m")
                .run((context) -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context.getBean(DataSource.class).unwrap(HikariDataSource.class).getDriverClassName())
                        .isEqualTo("com.mysql.cj.jdbc.Driver");
                    Migrations migrations = context.getBean(Migrations.class);
                    assertThat(migrations.current()).containsExactly("n2");
                    assertThat(single(db.jdbcUrl(), db.user(), db.password(), "SELECT body FROM notes WHERE id = 1"))
                        .isEqualTo("It's here");
                    assertThat(migrations.sql(Command.UPGRADE, "base:n1")).doesNotContain("BEGIN;")
                        .contains("CREATE TABLE alembic_version");
                    migrations.downgrade("base");
                    assertThat(migrations.current()).isEmpty();
                });
        }
    }

    @Test
    void offlineScriptsAreWrittenForTheDatabaseTheUrlNamesWithoutConnecting() {
        this.runner.withPropertyValues("spring.datasource.url=jdbc:mariadb://127.0.0.1:1/nowhere",
                "samokoder.migrations.mode=none").run((context) -> {
                    assertThat(context).hasNotFailed();
                    String sql = context.getBean(Migrations.class).sql(Command.UPGRADE, "base:heads");
                    assertThat(sql).contains("CREATE TABLE alembic_version").doesNotContain("BEGIN;")
                        .contains("INSERT INTO alembic_version (version_num) VALUES ('n1');");
                });
        this.runner.withPropertyValues("spring.datasource.url=" + h2Url(), "samokoder.migrations.mode=none")
            .run((context) -> {
                assertThat(context).hasNotFailed();
                String sql = context.getBean(Migrations.class).sql(Command.UPGRADE, "base:heads");
                assertThat(sql).doesNotContain("BEGIN;").contains("INSERT INTO \"alembic_version\"");
            });
    }

    @Test
    void anUnknownDialectFailsStartUpNamingTheKnownOnes() {
        this.runner.withPropertyValues("spring.datasource.url=" + h2Url(), "samokoder.migrations.dialect=oracle")
            .run((context) -> {
                assertThat(context).hasFailed();
                assertThat(context.getStartupFailure()).rootCause()
                    .hasMessage("samokoder.migrations.dialect 'oracle' is not a known dialect; use one of postgresql,"
                            + " mariadb, mysql, h2, or leave it unset to detect it from the database");
            });
    }

    @Test
    void aDialectThatDoesNotServeTheDatabaseIsRefusedBeforeAnyStatement() {
        String url = h2Url();
        this.runner.withPropertyValues("spring.datasource.url=" + url, "samokoder.migrations.dialect=postgresql")
            .run((context) -> {
                assertThat(context).hasFailed();
                assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("H2")
                    .hasMessageContaining("postgresql");
                assertThat(single(url, "sa", "",
                        "SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = 'PUBLIC'")).isEqualTo("0");
            });
    }

    @Test
    void retryPartialIsBound() {
        this.runner.withPropertyValues("spring.datasource.url=" + h2Url(), "samokoder.migrations.retry-partial=true",
                "samokoder.migrations.dialect=H2")
            .run((context) -> {
                assertThat(context).hasNotFailed();
                assertThat(context.getBean(MigrationsProperties.class).isRetryPartial()).isTrue();
                assertThat(context.getBean(Migrations.class).current()).containsExactly("n2");
            });
    }

    @Test
    void connectRetriesAndNewerRevisionsReachTheEngine() {
        this.runner.withPropertyValues("spring.datasource.url=" + h2Url(), "samokoder.migrations.dialect=H2",
                "samokoder.migrations.connect-retries=3", "samokoder.migrations.connect-retries-interval=5",
                "samokoder.migrations.allow-newer-revisions=true")
            .run((context) -> {
                assertThat(context).hasNotFailed();
                MigrationsConfig config = context.getBean(Migrations.class).config();
                assertThat(config.connectRetries()).isEqualTo(3);
                assertThat(config.connectRetriesInterval()).isEqualTo(java.time.Duration.ofSeconds(5));
                assertThat(config.allowNewerRevisions()).isTrue();
            });
        this.runner.withPropertyValues("spring.datasource.url=" + h2Url(), "samokoder.migrations.dialect=H2",
                "samokoder.migrations.connect-retries=-1")
            .run((context) -> assertThat(context).getFailure()
                .rootCause()
                .hasMessageContaining("connectRetries (samokoder.migrations.connect-retries) must be 0 or more"));
    }

    private static String single(String url, String user, String password, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, user, password); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
