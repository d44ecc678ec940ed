package io.samokoder.migrations;

import org.postgresql.ds.PGSimpleDataSource;

/**
 * A separate JVM that runs one upgrade, for the multi-process tests. Arguments: JDBC URL, user,
 * schema, script location, target, application name, and optionally the dead-holder timeout in seconds.
 * The password comes from the environment variable {@code CHILD_PGPASSWORD}. Prints {@code DONE <steps>}
 * and exits 0 on success.
 */
public final class ChildMigrator {

    private ChildMigrator() {
    }

    public static void main(String[] args) {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setURL(args[0]);
        ds.setUser(args[1]);
        String password = System.getenv("CHILD_PGPASSWORD");
        ds.setPassword(password == null ? "" : password);
        ds.setCurrentSchema(args[2]);
        ds.setApplicationName(args[5]);
        try {
            MigrationsConfig.Builder config = MigrationsConfig.builder().dataSource(ds).locations(args[3]);
            if (args.length > 6) {
                config.deadHolderTimeout(java.time.Duration.ofSeconds(Long.parseLong(args[6])));
            }
            MigrationResult result = new Migrations(config.build()).upgrade(args[4]);
            System.out.println("DONE " + result.steps().size());
            System.exit(0);
        } catch (RuntimeException e) {
            System.out.println("FAILED " + e.getMessage());
            System.exit(1);
        }
    }

    /** Starts a child JVM with this process's Java and class path. */
    static Process start(io.samokoder.migrations.testsupport.TestDatabase db, String schema, String location,
            String target, String applicationName) throws java.io.IOException {
        String javaBin = java.nio.file.Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(javaBin, "-cp", System.getProperty("java.class.path"),
                ChildMigrator.class.getName(), db.jdbcUrl(), db.user(), schema, location, target, applicationName)
                .redirectErrorStream(true);
        pb.environment().put("CHILD_PGPASSWORD", db.password());
        return pb.start();
    }
}
