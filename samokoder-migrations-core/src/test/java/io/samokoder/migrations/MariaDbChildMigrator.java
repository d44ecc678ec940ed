package io.samokoder.migrations;

import io.samokoder.migrations.testsupport.TestDatabase;
import io.samokoder.migrations.testsupport.TestMariaDb;
import java.io.IOException;
import java.nio.file.Path;
import javax.sql.DataSource;

/**
 * A separate JVM that runs one upgrade on MariaDB, for the multi-process tests. Arguments: JDBC URL,
 * user, script location, target. The password comes from the environment variable
 * {@code CHILD_MARIADB_PASSWORD}. Prints {@code DONE <steps>} and exits 0 on success.
 */
public final class MariaDbChildMigrator {

    private MariaDbChildMigrator() {
    }

    public static void main(String[] args) {
        String password = System.getenv("CHILD_MARIADB_PASSWORD");
        DataSource ds = TestMariaDb.dataSource(args[0], args[1], password == null ? "" : password);
        try {
            MigrationResult result = new Migrations(MigrationsConfig.builder().dataSource(ds).locations(args[2])
                    .build()).upgrade(args[3]);
            System.out.println("DONE " + result.steps().size());
            System.exit(0);
        } catch (RuntimeException e) {
            System.out.println("FAILED " + e.getMessage());
            System.exit(1);
        }
    }

    /** Starts a child JVM with this process's Java and class path. */
    static Process start(TestDatabase db, String location, String target) throws IOException {
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(javaBin, "-cp", System.getProperty("java.class.path"),
                MariaDbChildMigrator.class.getName(), db.jdbcUrl(), db.user(), location, target)
                .redirectErrorStream(true);
        pb.environment().put("CHILD_MARIADB_PASSWORD", db.password());
        return pb.start();
    }
}
