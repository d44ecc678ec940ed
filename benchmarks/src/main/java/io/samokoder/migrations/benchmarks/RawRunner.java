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
 * pending file as one statement string in a transaction of its own together with one insert of its
 * version row. No lock, no checksum, no parsing.
 */
final class RawRunner implements ToolRunner {

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
                st.execute("CREATE TABLE IF NOT EXISTS raw_version (version varchar(64) PRIMARY KEY, "
                        + "applied_at timestamptz NOT NULL DEFAULT now())");
                try (ResultSet rs = st.executeQuery("SELECT version FROM raw_version")) {
                    while (rs.next()) {
                        applied.add(rs.getString(1));
                    }
                }
            }
            c.setAutoCommit(false);
            try (Statement st = c.createStatement();
                    PreparedStatement insert = c.prepareStatement("INSERT INTO raw_version (version) VALUES (?)")) {
                for (String file : files) {
                    String version = file.substring(0, file.length() - ".sql".length());
                    if (applied.contains(version)) {
                        continue;
                    }
                    st.execute(Files.readString(dir.resolve(file), StandardCharsets.UTF_8));
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
    }

    @Override
    public long applied(DataSource dataSource) throws SQLException {
        return ToolRunner.count(dataSource, "SELECT count(*) FROM raw_version");
    }
}
