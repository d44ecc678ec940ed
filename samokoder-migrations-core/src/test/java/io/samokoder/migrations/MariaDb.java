package io.samokoder.migrations;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.samokoder.migrations.testsupport.TestDatabase;
import io.samokoder.migrations.testsupport.TestMariaDb;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/** Helpers for the MariaDB tests: a fresh database per test (a schema is a database there) and queries. */
final class MariaDb {

    private MariaDb() {
    }

    static TestDatabase fresh(String prefix) {
        return TestMariaDb.createDatabase(prefix);
    }

    /** A pool of one connection to the database, so that a test sees the session a run used. */
    static HikariDataSource onePool(TestDatabase db) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(db.jdbcUrl());
        config.setUsername(db.user());
        config.setPassword(db.password());
        config.setMaximumPoolSize(1);
        return new HikariDataSource(config);
    }

    static MigrationsConfig.Builder config(DataSource ds, Path scripts) {
        return MigrationsConfig.builder().dataSource(ds).locations("filesystem:" + scripts);
    }

    static void exec(DataSource ds, String... sql) {
        try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
            for (String s : sql) {
                st.execute(s);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<String> strings(DataSource ds, String sql) {
        try (Connection c = ds.getConnection(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            List<String> out = new ArrayList<>();
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= n; i++) {
                    row.append(i > 1 ? "|" : "").append(rs.getString(i));
                }
                out.add(row.toString());
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static long count(DataSource ds, String sql) {
        return Long.parseLong(strings(ds, sql).get(0));
    }

    static List<String> tables(DataSource ds) {
        return strings(ds, "SELECT table_name FROM information_schema.tables WHERE table_schema = DATABASE()"
                + " ORDER BY table_name");
    }

    static List<String> versionRows(DataSource ds) {
        return strings(ds, "SELECT version_num FROM alembic_version ORDER BY version_num");
    }
}
