package io.samokoder.migrations.benchmarks;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/** One tool, driven the way an application does at start-up: migrate whatever is pending. */
interface ToolRunner {

    /** Brings the database up to the newest migration in {@code dir}; does nothing when it is there. */
    void migrate(DataSource dataSource, Path dir) throws Exception;

    /**
     * When each migration of the last {@link #migrate} call started ({@link System#nanoTime()}), in
     * order; empty when the tool does not say (Flyway and Liquibase are not asked).
     */
    default long[] stepStarts() {
        return new long[0];
    }

    /** How many migrations the tool has recorded as applied (checked outside the timings). */
    long applied(DataSource dataSource) throws SQLException;

    /** Creates the runner of a tool; the tool's own classes are first touched by this call. */
    static ToolRunner of(Tool tool, Db db) {
        return switch (tool) {
            case RAW -> new RawRunner(db);
            case OURS -> new OursRunner(true);
            case OURS_FULL -> new OursRunner(false);
            case OURS_JAVA -> new OursJavaRunner();
            case FLYWAY -> new FlywayRunner();
            case LIQUIBASE -> new LiquibaseRunner();
        };
    }

    /** Runs a count query. */
    static long count(DataSource dataSource, String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
