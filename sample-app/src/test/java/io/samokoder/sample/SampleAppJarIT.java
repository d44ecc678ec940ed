package io.samokoder.sample;

import static org.assertj.core.api.Assertions.assertThat;

import io.samokoder.migrations.testsupport.PostgresDatabaseExtension;
import io.samokoder.migrations.testsupport.TestDatabase;
import io.samokoder.migrations.testsupport.TestPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * Starts the packaged executable jar with {@code java -jar} against a test database: proves that
 * revision scripts are found inside the nested jar layout of a Spring Boot executable jar, that
 * a second start over the same scripts takes the fast start (scripts stamped by their CRC there), and
 * that the context Spring AOT generated at build time (what a native image runs) migrates as well.
 */
@ExtendWith(PostgresDatabaseExtension.class)
class SampleAppJarIT {

    private static final Duration STARTUP_LIMIT = Duration.ofMinutes(3);

    @Test
    void packagedJarMigratesAndServesTheEndpoint(TestDatabase db) throws Exception {
        Path jar = jar();
        assertThat(jar).exists();
        int port = freePort();
        Path log = jar.resolveSibling("sample-app-jar-it.log");
        Process process = start(jar, db, port, log);
        try {
            awaitReady(process, port, log);
            JsonNode bean = initializer(port);
            assertThat(SampleApplicationTests.texts(bean.get("current"))).containsExactly("ae9f6fa0aca7");
            assertThat(bean.get("lastRun").get("outcome").asString()).isEqualTo("SUCCESS");
            assertThat(bean.get("lastRun").get("steps").size()).isEqualTo(8);
            assertThat(bean.get("history").size()).isEqualTo(8);
            // The Java revision was found by package scanning inside the executable jar, and ran.
            assertThat(bean.get("history").get(1).get("file").asString())
                .isEqualTo("java:db.migrations.M007_AddProjectStatuses");
            bean.get("history").forEach((info) -> {
                assertThat(info.get("file").asString()).matches("classpath:db/migrations/.*|java:db\\.migrations\\..*");
                assertThat(info.get("applied").asBoolean()).isTrue();
                assertThat(info.get("checksumStatus").asString()).isEqualTo("MATCH");
            });
            assertThat(Http.get(port, "/actuator/health/readiness").status()).isEqualTo(200);
        }
        finally {
            stop(process);
        }

        // A second instance over the same jar and database: nothing to do, answered from one query.
        Path secondLog = jar.resolveSibling("sample-app-jar-it-2.log");
        Process second = start(jar, db, port, secondLog);
        try {
            awaitReady(second, port, secondLog);
            JsonNode bean = initializer(port);
            assertThat(SampleApplicationTests.texts(bean.get("current"))).containsExactly("ae9f6fa0aca7");
            assertThat(bean.get("lastRun").get("steps").size()).isZero();
            assertThat(bean.get("history").size()).isEqualTo(8);
            assertThat(read(secondLog)).contains("Nothing to upgrade: database at ae9f6fa0aca7")
                .contains("scripts unchanged since verified");
        }
        finally {
            stop(second);
        }
    }

    @Test
    void theAotProcessedJarMigratesWithTheGeneratedContext() throws Exception {
        Path jar = jar();
        int port = freePort();
        Path log = jar.resolveSibling("sample-app-jar-it-aot.log");
        // A database of its own: the class's database is the other test's.
        try (TestDatabase db = TestPostgres.createDatabase("aot")) {
            Process process = start(jar, db, port, log, "-Dspring.aot.enabled=true");
            try {
                awaitReady(process, port, log);
                JsonNode bean = initializer(port);
                assertThat(SampleApplicationTests.texts(bean.get("current"))).containsExactly("ae9f6fa0aca7");
                assertThat(bean.get("lastRun").get("steps").size()).isEqualTo(8);
                // The Java revision is a bean definition generated at build time: nothing scanned the package.
                assertThat(bean.get("history").get(1).get("file").asString())
                    .isEqualTo("java:db.migrations.M007_AddProjectStatuses");
                assertThat(Http.get(port, "/actuator/health/readiness").status()).isEqualTo(200);
                assertThat(Http.get(port, "/actuator/metrics/samokoder.migrations.applied").json()
                    .get("measurements").get(0).get("value").asDouble()).isEqualTo(8.0);
                assertThat(read(log)).contains("Starting AOT-processed SampleApplication")
                    .doesNotContain("Started an embedded PostgreSQL");
            }
            finally {
                stop(process);
            }
            // Command mode runs in the generated context too, a web one, with no port opened.
            assertThat(aotCommand(jar, db, port, "current")).isEqualTo("ae9f6fa0aca7 (head)\n");
            // Its JPA model was left out at build time (no command then): check says so, and where it is found.
            assertThat(aotCommand(jar, db, port, "check")).contains("The model was not compared: 'check' compares"
                    + " the application's model", "an AOT-processed application (a native image) has it only if"
                    + " samokoder.migrations.command was set when Spring AOT processed it")
                .endsWith("No new upgrade operations detected.\n");
        }
    }

    @Test
    void theAotProcessedJarLeavesTheDatabaseAloneWhenDisabledWhenItRuns() throws Exception {
        Path jar = jar();
        int port = freePort();
        Path log = jar.resolveSibling("sample-app-jar-it-aot-disabled.log");
        try (TestDatabase db = TestPostgres.createDatabase("aotoff")) {
            // The build saw the property unset, so the processed context has the migrations beans.
            Process process = start(jar, db, port, log, "-Dspring.aot.enabled=true",
                    "-Dsamokoder.migrations.enabled=false");
            try {
                awaitReady(process, port, log);
                assertThat(read(log)).contains("samokoder.migrations.enabled is false: the database is not migrated");
                try (Connection c = db.dataSource().getConnection(); Statement st = c.createStatement();
                        ResultSet rs = st.executeQuery("SELECT count(*) FROM information_schema.tables"
                                + " WHERE table_schema = current_schema()")) {
                    rs.next();
                    assertThat(rs.getInt(1)).as("tables in the database").isZero();
                }
            }
            finally {
                stop(process);
            }
        }
    }

    /** What the processed jar prints for the command in command mode, which must exit with 0. */
    private static String aotCommand(Path jar, TestDatabase db, int port, String command) throws Exception {
        Path log = jar.resolveSibling("sample-app-jar-it-aot-command.log");
        Process process = start(jar, db, port, log, "-Dspring.aot.enabled=true",
                "-Dsamokoder.migrations.command=" + command);
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).as(command + " ends").isTrue();
        assertThat(process.exitValue()).as(read(log)).isZero();
        return read(log);
    }

    /** The packaged jar that the build made before the integration tests. */
    private static Path jar() {
        return Paths.get(System.getProperty("sample.jar", "target/sample-app-0.1.0-SNAPSHOT.jar"));
    }

    private static JsonNode initializer(int port) {
        return Http.get(port, "/actuator/migrations")
            .json()
            .get("contexts")
            .get("samokoder-sample")
            .get("migrations")
            .get("migrationsInitializer");
    }

    private static Process start(Path jar, TestDatabase db, int port, Path log, String... jvmOptions)
            throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
        // A short-lived JVM on two cores starts sooner with C1 alone and the serial collector; what is tested is
        // the same.
        command.addAll(List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"));
        command.addAll(List.of(jvmOptions));
        command.addAll(List.of("-jar", jar.toString(), "--spring.datasource.url=" + db.jdbcUrl(),
                "--spring.datasource.username=" + db.user(), "--spring.datasource.password=" + db.password(),
                "--server.port=" + port));
        return new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    }

    private static void stop(Process process) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }

    private static void awaitReady(Process process, int port, Path log) throws InterruptedException {
        long deadline = System.nanoTime() + STARTUP_LIMIT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("The packaged app exited with " + process.exitValue() + ":\n" + read(log));
            }
            try {
                if (Http.get(port, "/actuator/health/readiness").status() == 200) {
                    return;
                }
            }
            catch (UncheckedIOException notListeningYet) {
                // not started yet
            }
            Thread.sleep(250);
        }
        throw new AssertionError("The packaged app was not ready within " + STARTUP_LIMIT + ":\n" + read(log));
    }

    private static String read(Path log) {
        try {
            return Files.readString(log);
        }
        catch (IOException ex) {
            return "(no log: " + ex.getMessage() + ")";
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
