package io.samokoder.migrations.benchmarks;

import io.samokoder.migrations.testsupport.TestDatabase;
import io.samokoder.migrations.testsupport.TestPostgres;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Properties;
import java.util.UUID;

/**
 * The PostgreSQL server the benchmark runs on: the one named by {@code SAMOKODER_BENCH_JDBC_URL}
 * (default {@code jdbc:postgresql://127.0.0.1:5432/postgres}, user {@code SAMOKODER_BENCH_USER} or
 * {@code postgres}, password {@code SAMOKODER_BENCH_PASSWORD}), or, when that cannot be reached,
 * the embedded PostgreSQL of the test-support module. Every measurement gets a fresh database.
 */
final class BenchServer implements DatabaseServer {

    static final String URL_VARIABLE = "SAMOKODER_BENCH_JDBC_URL";
    static final String USER_VARIABLE = "SAMOKODER_BENCH_USER";
    static final String PASSWORD_VARIABLE = "SAMOKODER_BENCH_PASSWORD";
    static final String DEFAULT_URL = "jdbc:postgresql://127.0.0.1:5432/postgres";

    /** One fresh database. */
    record Database(String name, String url, String user, String password, Runnable dropper) {
        void drop() {
            this.dropper.run();
        }
    }

    private final String adminUrl;
    private final String user;
    private final String password;
    private final boolean embedded;
    private final String description;
    /** Whether the user may checkpoint; cleared at the first refusal. */
    private boolean checkpoints = true;

    /** Whether new databases keep the server's synchronous_commit (--commits server). */
    private final boolean serverCommits;

    private BenchServer(String adminUrl, String user, String password, boolean embedded, String description,
            boolean serverCommits) {
        this.serverCommits = serverCommits;
        this.adminUrl = adminUrl;
        this.user = user;
        this.password = password;
        this.embedded = embedded;
        this.description = description;
    }

    static BenchServer connect(boolean serverCommits) {
        String url = env(URL_VARIABLE, DEFAULT_URL);
        String user = env(USER_VARIABLE, "postgres");
        String password = env(PASSWORD_VARIABLE, "");
        DriverManager.setLoginTimeout(3);
        try (Connection c = DriverManager.getConnection(url, props(user, password))) {
            return new BenchServer(url, user, password, false, serverVersion(c) + ", external server",
                    serverCommits);
        } catch (SQLException e) {
            System.err.println("No PostgreSQL at " + URL_VARIABLE + " (" + e.getSQLState()
                    + "); using the embedded PostgreSQL of samokoder-migrations-test-support");
            TestDatabase probe = TestPostgres.createDatabase("benchprobe");
            String version;
            try (Connection c = probe.connect()) {
                version = serverVersion(c);
            } catch (SQLException ex) {
                throw new IllegalStateException("The embedded PostgreSQL does not answer: " + ex.getMessage(), ex);
            } finally {
                probe.close();
            }
            return new BenchServer(null, probe.user(), probe.password(), true, version + ", embedded (test-support)",
                    serverCommits);
        }
    }

    private static String serverVersion(Connection c) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SHOW server_version")) {
            rs.next();
            return "PostgreSQL " + rs.getString(1);
        }
    }

    @Override
    public Db db() {
        return Db.POSTGRESQL;
    }

    @Override
    public boolean serverCommits() {
        return this.serverCommits;
    }

    @Override
    public String description() {
        return this.description;
    }

    /**
     * Creates an empty database. Commits are asynchronous in it ({@code synchronous_commit=off}, as
     * in the embedded server), so that disk flushes, equal for every tool, do not drown the tools' own costs;
     * with {@code --commits server} they keep the server's setting.
     * Then the server checkpoints, so that no measurement starts while the server still writes out
     * what an earlier one left (thousands of new relations per run of part A).
     */
    @Override
    public Database create() {
        if (this.embedded) {
            TestDatabase db = TestPostgres.createDatabase("bench");
            return new Database(db.name(), db.jdbcUrl(), db.user(), db.password(), db::close);
        }
        String name = "samokoder_bench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        execute("CREATE DATABASE " + name);
        if (!this.serverCommits) {
            execute("ALTER DATABASE " + name + " SET synchronous_commit = off");
        }
        checkpoint();
        return new Database(name, replaceDatabase(this.adminUrl, name), this.user, this.password,
                () -> execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)"));
    }

    /** A checkpoint, where the user may ask for one (a superuser, or pg_checkpoint from PostgreSQL 15). */
    private void checkpoint() {
        if (!this.checkpoints) {
            return;
        }
        try (Connection c = DriverManager.getConnection(this.adminUrl, props(this.user, this.password));
                Statement st = c.createStatement()) {
            st.execute("CHECKPOINT");
        } catch (SQLException e) {
            this.checkpoints = false;
            System.err.println("[bench] no CHECKPOINT before the measurements (" + e.getMessage()
                    + "): the server may still be writing out an earlier run while the next one is timed");
        }
    }

    private void execute(String sql) {
        try (Connection c = DriverManager.getConnection(this.adminUrl, props(this.user, this.password));
                Statement st = c.createStatement()) {
            st.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("Benchmark database administration failed (" + sql + "): "
                    + e.getMessage(), e);
        }
    }

    private static Properties props(String user, String password) {
        Properties props = new Properties();
        props.setProperty("user", user);
        props.setProperty("password", password);
        return props;
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value.trim();
    }

    /** Replaces the database of a {@code jdbc:postgresql://host[:port]/db[?params]} URL. */
    static String replaceDatabase(String url, String database) {
        String prefix = "jdbc:postgresql://";
        if (!url.toLowerCase(Locale.ROOT).startsWith(prefix)) {
            throw new IllegalArgumentException(URL_VARIABLE + " must start with " + prefix);
        }
        int slash = url.indexOf('/', prefix.length());
        int query = url.indexOf('?', prefix.length());
        String params = query < 0 ? "" : url.substring(query);
        int hostEnd = slash < 0 || (query >= 0 && query < slash) ? (query < 0 ? url.length() : query) : slash;
        return url.substring(0, hostEnd) + "/" + database + params;
    }
}
