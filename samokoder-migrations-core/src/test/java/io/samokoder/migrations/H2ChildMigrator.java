package io.samokoder.migrations;

import io.samokoder.migrations.dialect.h2.H2Dialect;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A separate JVM that runs one upgrade to the heads on H2, for the multi-process tests. Arguments:
 * JDBC URL (user {@code sa}, no password) and script location. Prints {@code DONE <steps>} and exits
 * 0 on success.
 */
public final class H2ChildMigrator {

    private H2ChildMigrator() {
    }

    public static void main(String[] args) {
        try {
            MigrationResult result = new Migrations(MigrationsConfig.builder().dialect(H2Dialect.INSTANCE)
                    .dataSource(H2Db.url(args[0])).locations(args[1]).lockTimeout(Duration.ofMinutes(5))
                    .build()).upgrade("heads");
            System.out.println("DONE " + result.steps().size());
            System.exit(0);
        } catch (RuntimeException e) {
            System.out.println("FAILED " + e.getMessage());
            System.exit(1);
        }
    }

    /** Starts a child JVM with this process's Java and class path. */
    static Process start(String url, String location) throws IOException {
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(javaBin, "-cp", System.getProperty("java.class.path"),
                H2ChildMigrator.class.getName(), url, location).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    }
}
