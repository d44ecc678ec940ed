package io.samokoder.migrations.lint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.samokoder.migrations.dialect.Dialects;
import io.samokoder.migrations.script.ScriptLoader;
import io.samokoder.migrations.testsupport.TestDatabase;
import io.samokoder.migrations.testsupport.TestPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What the PostgreSQL rules say of each statement holds on a real server: the statement, run in a transaction
 * left open, holds the lock its finding names (so other sessions wait for as long as it runs), and the form the
 * advice gives holds a weaker one or none, and is not flagged.
 */
class PostgresLockModesTest {

    private static TestDatabase db;

    @BeforeAll
    static void createDatabase() throws SQLException {
        db = TestPostgres.createDatabase("lintlocks");
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE owners (id bigint PRIMARY KEY)");
            st.execute("CREATE TABLE pets (id bigint PRIMARY KEY, owner_id bigint, name text, weight int)");
            st.execute("INSERT INTO owners VALUES (1)");
            st.execute("INSERT INTO pets VALUES (1, 1, 'x', 3)");
        }
    }

    @AfterAll
    static void dropDatabase() {
        db.close();
    }

    /** The rules the linter finds in one statement. */
    private static List<String> rules(String sql, boolean transactional) {
        var script = ScriptLoader.parse("db/migrations/x.sql", "-- x\n--\n-- Revision ID: x1\n-- Transactional: "
                + transactional + "\n\n-- migrate:upgrade\n" + sql + "\n");
        return Linter.forDialect(Dialects.forName("postgresql").orElseThrow()).lint(List.of(script)).findings()
                .stream().map(f -> f.rule().id()).toList();
    }

    /** The lock modes held on {@code pets} (and {@code owners}) while the statement's transaction is open. */
    private static List<String> locksHeldBy(String sql) throws SQLException {
        try (Connection c = db.connect()) {
            c.setAutoCommit(false);
            try (Statement st = c.createStatement()) {
                st.execute(sql);
                List<String> modes = new ArrayList<>();
                try (ResultSet rs = st.executeQuery("SELECT relation::regclass::text || ':' || mode FROM pg_locks"
                        + " WHERE pid = pg_backend_pid() AND relation IN ('pets'::regclass, 'owners'::regclass)"
                        + " ORDER BY 1")) {
                    while (rs.next()) {
                        modes.add(rs.getString(1));
                    }
                }
                return modes;
            } finally {
                c.rollback();
            }
        }
    }

    @Test
    void createIndexHoldsAShareLockThatBlocksWrites() throws SQLException {
        String sql = "CREATE INDEX ix_pets_name ON pets (name)";
        assertThat(rules(sql, true)).containsExactly("index-without-concurrently");
        assertThat(locksHeldBy(sql)).contains("pets:ShareLock");
        assertThat(rules("CREATE INDEX CONCURRENTLY ix_pets_name ON pets (name)", false)).isEmpty();
    }

    @Test
    void setNotNullTypeChangeAndUniqueHoldAccessExclusive() throws SQLException {
        for (String sql : List.of("ALTER TABLE pets ALTER COLUMN name SET NOT NULL",
                "ALTER TABLE pets ALTER COLUMN weight TYPE bigint", "ALTER TABLE pets ADD UNIQUE (name)",
                "ALTER TABLE pets ADD CHECK (weight > 0)", "ALTER TABLE pets ADD COLUMN tag uuid DEFAULT "
                        + "gen_random_uuid()", "ALTER TABLE pets ADD COLUMN code int UNIQUE",
                "DROP INDEX pets_pkey_twin")) {
            if (sql.startsWith("DROP INDEX")) {
                try (Connection c = db.connect(); Statement st = c.createStatement()) {
                    st.execute("CREATE INDEX IF NOT EXISTS pets_pkey_twin ON pets (id)");
                }
            }
            assertThat(rules(sql, true)).as(sql).hasSize(1);
            assertThat(locksHeldBy(sql)).as(sql).contains("pets:AccessExclusiveLock");
        }
    }

    @Test
    void foreignKeyBlocksWritesToBothTablesAndItsAdviceDoesNotBlockThemLong() throws SQLException {
        String sql = "ALTER TABLE pets ADD CONSTRAINT fk_owner FOREIGN KEY (owner_id) REFERENCES owners (id)";
        assertThat(rules(sql, true)).containsExactly("constraint-without-not-valid");
        assertThat(locksHeldBy(sql)).contains("owners:ShareRowExclusiveLock", "pets:ShareRowExclusiveLock");
        assertThat(rules(sql + " NOT VALID", true)).isEmpty();
        // The validation the advice puts in a later revision lets reads and writes of pets go on.
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            st.execute(sql + " NOT VALID");
        }
        assertThat(locksHeldBy("ALTER TABLE pets VALIDATE CONSTRAINT fk_owner"))
                .contains("pets:ShareUpdateExclusiveLock").doesNotContain("pets:AccessExclusiveLock",
                        "pets:ShareRowExclusiveLock");
        assertThat(rules("ALTER TABLE pets VALIDATE CONSTRAINT fk_owner", true)).isEmpty();
    }

    @Test
    void aNotNullColumnWithoutADefaultFailsOnATableWithRows() throws SQLException {
        String sql = "ALTER TABLE pets ADD COLUMN born date NOT NULL";
        assertThat(rules(sql, true)).containsExactly("not-null-without-default");
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            assertThatThrownBy(() -> st.execute(sql))
                    .isInstanceOf(SQLException.class).hasMessageContaining("contains null values");
        }
        assertThat(rules("ALTER TABLE pets ADD COLUMN born date NOT NULL DEFAULT '2000-01-01'", true)).isEmpty();
    }

    @Test
    void concurrentlyInATransactionFails() throws SQLException {
        String sql = "CREATE INDEX CONCURRENTLY ix_pets_weight ON pets (weight)";
        assertThat(rules(sql, true)).containsExactly("concurrently-in-transaction");
        try (Connection c = db.connect()) {
            c.setAutoCommit(false);
            try (Statement st = c.createStatement()) {
                assertThatThrownBy(() -> st.execute(sql))
                        .isInstanceOf(SQLException.class).hasMessageContaining("cannot run inside a transaction block");
            } finally {
                c.rollback();
            }
        }
    }
}
