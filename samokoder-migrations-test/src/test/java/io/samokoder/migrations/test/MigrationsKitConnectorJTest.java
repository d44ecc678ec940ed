package io.samokoder.migrations.test;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mysql.cj.jdbc.MysqlDataSource;
import io.samokoder.migrations.testsupport.MariaDbDatabaseExtension;
import io.samokoder.migrations.testsupport.TestDatabase;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The kit on MariaDB through MySQL Connector/J, which names every server "MySQL": the kit reads the
 * catalog as MariaDB's (its check constraints are kept per table) and runs the revisions with MariaDB's
 * dialect, as with MariaDB's own driver.
 */
@ExtendWith(MariaDbDatabaseExtension.class)
class MigrationsKitConnectorJTest extends PortableRevisionsChecks {

    private DataSource dataSource;

    @BeforeEach
    void database(TestDatabase db) {
        MysqlDataSource ds = new MysqlDataSource();
        ds.setURL(db.jdbcUrl().replaceFirst("^jdbc:mariadb:", "jdbc:mysql:"));
        ds.setUser(db.user());
        ds.setPassword(db.password() == null ? "" : db.password());
        this.dataSource = ds;
    }

    @Override
    DataSource dataSource() {
        return this.dataSource;
    }

    @Test
    void goodScriptsPassEveryCheck() {
        MigrationsKit.of(this.dataSource, "classpath:kit-mariadb/good").assertAll();
    }

    @Test
    void aCheckConstraintIsReadWithItsOwnTablesClauseWhereAnotherTableHasOneOfTheSameName() {
        // MariaDB names check constraints per table; read as MySQL's, each would meet both tables' clauses.
        assertThatThrownBy(() -> MigrationsKit.of(this.dataSource, "classpath:kit-mariadb/leaky-same-check-names")
                .assertDowngradesLeaveNoTrace()).isInstanceOf(AssertionError.class)
                .hasMessage("downgrade of c2c2c2c2c2c2 (classpath:kit-mariadb/leaky-same-check-names/"
                        + "002_c2c2c2c2c2c2_price_cap.sql) changes constraint positive on prices: was CHECK"
                        + " (`cents` >= 0), is now CHECK (`cents` > 0)");
    }

    @Test
    void aDowngradeThatLeavesCommentsChangedIsReported() {
        assertThatThrownBy(() -> MigrationsKit.of(this.dataSource, "classpath:kit-mariadb/leaky-comment")
                .assertDowngradesLeaveNoTrace()).isInstanceOf(AssertionError.class)
                .hasMessageStartingWith("downgrade of b2b2b2b2b2b2 (classpath:kit-mariadb/leaky-comment/"
                        + "002_b2b2b2b2b2b2_comments.sql) changes column users.email: was varchar(255)")
                .hasMessageContaining(" COMMENT 'Where we write'\n")
                .hasMessageEndingWith(" COMMENT 'People''s accounts'");
    }
}
