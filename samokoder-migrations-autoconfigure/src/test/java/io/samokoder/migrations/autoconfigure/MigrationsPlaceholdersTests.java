package io.samokoder.migrations.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import io.samokoder.migrations.Migrations;
import io.samokoder.migrations.script.Placeholders;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** {@code samokoder.migrations.placeholders.*} and {@code placeholder-replacement}, on H2. */
class MigrationsPlaceholdersTests {

    private final String url = "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, MigrationsAutoConfiguration.class))
        .withPropertyValues("spring.datasource.url=" + this.url,
                "samokoder.migrations.locations=classpath:db/placeholders");

    @Test
    void placeholdersAreReplacedWithTheirValuesAtStartUp() {
        this.runner.withPropertyValues("samokoder.migrations.placeholders.table=widgets",
                "samokoder.migrations.placeholders.OWNER=ops").run((context) -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context.getBean(Migrations.class).config().placeholders().values())
                        .containsOnlyKeys("table", "owner");
                    assertThat(context.getBean(Migrations.class).current()).containsExactly("p1");
                    execute("INSERT INTO widgets (id) VALUES (1)");
                    assertThat(single("SELECT owner FROM widgets")).isEqualTo("ops");
                });
    }

    @Test
    void aPlaceholderWithoutAValueFailsTheStartAndChangesNothing() {
        this.runner.withPropertyValues("samokoder.migrations.placeholders.table=widgets").run((context) -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause()
                .hasMessageContaining("p1_widgets.sql:8: No value for placeholder '${owner}'")
                .hasMessageContaining("samokoder.migrations.placeholders.owner");
            assertThat(single("SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = 'PUBLIC'"))
                .isEqualTo("0");
        });
    }

    @Test
    void replacementCanBeTurnedOff() {
        this.runner.withPropertyValues("samokoder.migrations.placeholder-replacement=false",
                "samokoder.migrations.placeholders.table=widgets", "samokoder.migrations.mode=none")
            .run((context) -> {
                assertThat(context).hasNotFailed();
                assertThat(context.getBean(Migrations.class).config().placeholders()).isSameAs(Placeholders.OFF);
            });
    }

    @Test
    void aNameThatAPlaceholderCannotHaveFailsTheStartNamingTheProperty() {
        this.runner.withPropertyValues("samokoder.migrations.placeholders.1st=x").run((context) -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause()
                .hasMessageStartingWith("samokoder.migrations.placeholders: '1st' is not a placeholder name");
        });
    }

    private void execute(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(this.url, "sa", ""); Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    private String single(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(this.url, "sa", ""); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
