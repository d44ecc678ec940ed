package io.samokoder.migrations.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;

/**
 * The floor: plain JDBC. Lists the directory, reads the applied versions once, then runs each
 * pending file and inserts its version row. No lock, no checksum, no parsing beyond what the server
 * needs. On PostgreSQL a file is one statement string in a transaction of its own together with its
 * version row. On MariaDB, whose DDL commits by itself, the statements run one by one in autocommit
 * (the file split at {@code ;} line ends, as the driver takes one statement per call) and the
 * version row is inserted after them: what a minimal hand-written runner would do there.
 */
final class RawRunner implements ToolRunner {

    private final Db db;
    private final StepClock clock = new StepClock();

    RawRunner(Db db) {
        this.db = db;
    }

    @Override
    public void migrate(DataSource dataSource, Path dir) throws SQLException, IOException {
        List<String> files = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir, "*.sql")) {
            for (Path entry : entries) {
                files.add(entry.getFileName().toString());
            }
        }
        Collections.sort(files);
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(true);
            Set<String> applied = new HashSet<>();
            try (Statement st = c.createStatement()) {
                st.execute(this.db.rawVersionTable());
                try (ResultSet rs = st.executeQuery("SELECT version FROM raw_version")) {
                    while (rs.next()) {
                        applied.add(rs.getString(1));
                    }
                }
            }
            List<String> pending = new ArrayList<>();
            for (String file : files) {
                String version = file.substring(0, file.length() - ".sql".length());
                if (!applied.contains(version)) {
                    pending.add(version);
                }
            }
            if (this.db == Db.POSTGRESQL) {
                inTransactions(c, dir, pending, this.clock);
            } else {
                inAutocommit(c, dir, pending, this.clock);
            }
        }
    }

    private static void inTransactions(Connection c, Path dir, List<String> pending, StepClock clock)
            throws SQLException, IOException {
        c.setAutoCommit(false);
        try (Statement st = c.createStatement();
                PreparedStatement insert = c.prepareStatement("INSERT INTO raw_version (version) VALUES (?)")) {
            for (String version : pending) {
                clock.starting();
                st.execute(Files.readString(dir.resolve(version + ".sql"), StandardCharsets.UTF_8));
                insert.setString(1, version);
                insert.executeUpdate();
                c.commit();
            }
        } catch (SQLException | IOException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(true);
        }
    }

    private static void inAutocommit(Connection c, Path dir, List<String> pending, StepClock clock)
            throws SQLException, IOException {
        try (Statement st = c.createStatement();
                PreparedStatement insert = c.prepareStatement("INSERT INTO raw_version (version) VALUES (?)")) {
            for (String version : pending) {
                clock.starting();
                for (String sql : Files.readString(dir.resolve(version + ".sql"), StandardCharsets.UTF_8).split(";\n")) {
                    if (!sql.isBlank()) {
                        st.execute(sql);
                    }
                }
                insert.setString(1, version);
                insert.executeUpdate();
            }
        }
    }

    @Override
    public long[] stepStarts() {
        return this.clock.starts();
    }

    @Override
    public long applied(DataSource dataSource) throws SQLException {
        return ToolRunner.count(dataSource, "SELECT count(*) FROM raw_version");
    }
}
