package io.samokoder.migrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.samokoder.migrations.dialect.postgresql.PostgresDialect;
import io.samokoder.migrations.ops.Column;
import io.samokoder.migrations.ops.PrimaryKey;
import io.samokoder.migrations.ops.Type;
import io.samokoder.migrations.schema.CompareOptions;
import io.samokoder.migrations.schema.Schema;
import io.samokoder.migrations.schema.SchemaTable;
import io.samokoder.migrations.testsupport.Postgres11;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The engine on PostgreSQL 11, the oldest version it supports, which lacks what later versions have and the
 * engine uses where they do: {@code tcp_user_timeout} (12), generated columns and
 * {@code pg_attribute.attgenerated} (12), the dead-client check (14). An embedded server of that version
 * ({@link Postgres11}: Linux x86-64 only; elsewhere this class is skipped).
 */
class Postgres11Test {

    private static EmbeddedPostgres server;

    @BeforeAll
    static void start() throws IOException {
        server = Postgres11.server();
    }

    private static PGSimpleDataSource schema(String schema) throws SQLException {
        PGSimpleDataSource admin = (PGSimpleDataSource) server.getPostgresDatabase();
        try (Connection c = admin.getConnection(); Statement st = c.createStatement()) {
            assertThat(c.getMetaData().getDatabaseMajorVersion()).isEqualTo(11);
            st.execute("CREATE SCHEMA " + schema);
        }
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setURL(admin.getURL());
        ds.setUser(admin.getUser());
        ds.setCurrentSchema(schema);
        return ds;
    }

    private static List<String> settings(Connection c, String... names) throws SQLException {
        List<String> values = new ArrayList<>();
        for (String name : names) {
            try (PreparedStatement ps = c.prepareStatement("SELECT current_setting(?, true)")) {
                ps.setString(1, name);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    values.add(rs.getString(1));
                }
            }
        }
        return values;
    }

    @Test
    void aRunSetsTheKeepalivesItCanAndPutsTheSessionBackAsItWas(@TempDir Path dir) throws Exception {
        PGSimpleDataSource ds = schema("keepalives");
        Rev.writeAll(dir, Rev.of("r1", "").up("CREATE TABLE seen AS SELECT current_setting('tcp_keepalives_idle') AS"
                + " idle, current_setting('tcp_keepalives_interval') AS every, current_setting('tcp_keepalives_count')"
                + " AS probes, current_setting('lock_timeout') AS lock_wait;").down("DROP TABLE seen;"));
        String[] names = {"tcp_keepalives_idle", "tcp_keepalives_interval", "tcp_keepalives_count", "tcp_user_timeout",
            "lock_timeout", "statement_timeout", "search_path"};
        try (Connection session = ds.getConnection()) {
            List<String> before = settings(session, names);
            assertThat(before.get(3)).as("tcp_user_timeout, which PostgreSQL 11 does not have").isNull();

            MigrationResult result = new Migrations(Db.config(Db.shared(session), dir)
                    .deadHolderTimeout(Duration.ofSeconds(12)).lockTimeout(Duration.ofSeconds(4)).build())
                    .upgrade("heads");

            assertThat(result.steps()).hasSize(1);
            assertThat(settings(session, names)).isEqualTo(before);
            try (Statement st = session.createStatement();
                    ResultSet rs = st.executeQuery("SELECT idle, every, probes, lock_wait FROM seen")) {
                rs.next();
                assertThat(List.of(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                        .containsExactly("6", "2", "3", "4s");
            }
        }
    }

    @Test
    void aSessionThatHoldsTheLockAlreadyIsRefused(@TempDir Path dir) throws Exception {
        PGSimpleDataSource ds = schema("shared");
        Rev.writeAll(dir, Rev.of("r1", "").up("CREATE TABLE first (id int);").down("DROP TABLE first;"));
        try (Connection session = ds.getConnection();
                PreparedStatement lock = session.prepareStatement("SELECT pg_advisory_lock(?)")) {
            lock.setLong(1, PostgresDialect.INSTANCE.lockKey("shared", "alembic_version"));
            lock.executeQuery().close();

            catchThrowableOfType(SharedSessionException.class,
                    () -> new Migrations(Db.config(Db.shared(session), dir).build()).upgrade("heads"));
        }
        assertThat(Db.tableExists(ds, "shared", "first")).isFalse();
        assertThat(new Migrations(Db.config(ds, dir).build()).upgrade("heads").steps()).hasSize(1);
    }

    @Test
    void theSchemaAtTheHeadsIsReadForComparison(@TempDir Path dir) throws Exception {
        PGSimpleDataSource ds = schema("compared");
        Rev.writeAll(dir, Rev.of("a1", "").up("CREATE TABLE users (id bigint GENERATED BY DEFAULT AS IDENTITY"
                + " CONSTRAINT pk_users PRIMARY KEY, email varchar(255) NOT NULL, name text DEFAULT 'x');")
                .down("DROP TABLE users;"));
        Migrations migrations = new Migrations(Db.config(ds, dir).build());
        migrations.upgrade("heads");
        Schema model = new Schema(List.of(new SchemaTable("users", List.of(
                Column.of("id", Type.BIGINT).notNull().autoincrement(), Column.of("email", Type.string(255)).notNull(),
                Column.of("name", Type.TEXT).serverDefault("'x'")), new PrimaryKey("pk_users", List.of("id")),
                List.of(), List.of(), List.of(), null)), List.of());

        assertThat(migrations.compareSchema(model, CompareOptions.defaults(migrations.dialect()), List.of()).changes())
                .isEmpty();
        assertThat(migrations.compareSchema(new Schema(List.of(), List.of()),
                CompareOptions.defaults(migrations.dialect()).withDropUnmappedTables(true), List.of()).changes())
                .hasSize(1);
    }
}
