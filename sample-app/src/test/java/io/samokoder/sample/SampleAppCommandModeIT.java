package io.samokoder.sample;

import static org.assertj.core.api.Assertions.assertThat;

import io.samokoder.migrations.testsupport.PostgresDatabaseExtension;
import io.samokoder.migrations.testsupport.TestDatabase;
import io.samokoder.migrations.testsupport.TestPostgres;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/**
 * Command mode of the packaged app ({@code java -jar app.jar --samokoder.migrations.command=...}):
 * the guide's docker-compose {@code migrate} job. Each run prints the command's output, exits with
 * its status and never opens the HTTP port. {@code check} and {@code revision --autogenerate} compare the
 * application's JPA entities with the database.
 */
@ExtendWith(PostgresDatabaseExtension.class)
class SampleAppCommandModeIT {

    /** With a server that trusts local connections (no password), a password that must never be printed anyway. */
    private static final String MARKER_PASSWORD = "S3cret-marker-42";

    /** The output and exit status of one run, and whether anything listened on its HTTP port meanwhile. */
    record Run(int status, String output, boolean portOpened) {
    }

    @Test
    void runsCommandsAndExitsWithTheirStatusWithoutServingHttp(TestDatabase db) throws Exception {
        Run upgrade = run(db, "upgrade heads");
        assertThat(upgrade.status()).as(upgrade.output()).isZero();
        assertThat(upgrade.output()).contains("Running upgrade  -> 5577ef20e9ff, Initial schema")
            .contains("Running upgrade e4e9de92086b, 253890d33616 -> 0be0e10f5cc6")
            .contains("Running upgrade 0be0e10f5cc6 -> 3c8f1a9d2b7e, Add project statuses")
            .contains("Running upgrade 3c8f1a9d2b7e -> ae9f6fa0aca7, add project notes");
        assertThat(upgrade.portOpened()).isFalse();
        assertThat(upgrade.output()).doesNotContain("Tomcat").doesNotContain("Started SampleApplication");

        Run current = run(db, "current");
        assertThat(current.status()).as(current.output()).isZero();
        assertThat(lines(current.output())).contains("ae9f6fa0aca7 (head)");

        // What the process prints is the command's output alone: JSON that parses (no pool or Hibernate lines).
        Run json = run(db, "current --format json");
        assertThat(json.status()).as(json.output()).isZero();
        assertThat(JsonMapper.builder().build().readTree(json.output()).toString()).as(json.output())
            .contains("ae9f6fa0aca7");

        // The JPA entities match the schema the revisions built: the model of command mode is the application's
        // own Hibernate mapping.
        Run upToDate = run(db, "check");
        assertThat(upToDate.status()).as(upToDate.output()).isZero();
        assertThat(lines(upToDate.output())).contains("No new upgrade operations detected.");
        assertThat(upToDate.output()).doesNotContain("Detected ").doesNotContain("WARNING");
        Path scripts = Files.createTempDirectory("command-mode-revisions");
        Run nothing = run(db, "revision --autogenerate -m 'nothing new' --version-path " + scripts);
        assertThat(nothing.status()).as(nothing.output()).isZero();
        assertThat(lines(nothing.output())).contains("No changes in schema detected.");
        try (var written = Files.list(scripts)) {
            assertThat(written).isEmpty();
        }

        // (downgrade -1 from this merge point is "Ambiguous walk", as in Alembic: name the revision.)
        Run down = run(db, "downgrade e4e9de92086b");
        assertThat(down.status()).as(down.output()).isZero();
        assertThat(down.output()).contains("Running downgrade ae9f6fa0aca7 -> 3c8f1a9d2b7e, add project notes")
            .contains("Running downgrade 3c8f1a9d2b7e -> 0be0e10f5cc6")
            .contains("Running downgrade 0be0e10f5cc6 -> e4e9de92086b, 253890d33616");

        Run check = run(db, "check");
        assertThat(check.status()).as(check.output()).isEqualTo(255);
        assertThat(check.output()).contains("FAILED: ");

        Run usage = run(db, "upgrade --no-such-option heads");
        assertThat(usage.status()).as(usage.output()).isEqualTo(2);

        Run unknown = run(db, "upgrade ffff");
        assertThat(unknown.status()).isEqualTo(255);
        assertThat(unknown.output()).contains("FAILED: Can't locate revision identified by 'ffff'");

        for (Run r : List.of(upgrade, current, upToDate, nothing, down, check, usage, unknown)) {
            assertThat(r.portOpened()).isFalse();
            assertThat(r.output()).doesNotContain(password(db));
        }
    }

    private static String password(TestDatabase db) {
        return db.password() == null || db.password().isEmpty() ? MARKER_PASSWORD : db.password();
    }

    private static List<String> lines(String output) {
        return output.lines().map(String::strip).toList();
    }

    @Test
    void commandsThatNeedNoDatabaseRunWithoutOne(TestDatabase db) throws Exception {
        // The application's URL names a database that does not exist: history and --sql read only the scripts.
        String missing = db.jdbcUrl().replace("/" + db.name(), "/" + db.name() + "_missing");
        Run history = run(missing, db.user(), password(db), "history");
        assertThat(history.status()).as(history.output()).isZero();
        assertThat(lines(history.output())).contains("<base> -> 5577ef20e9ff, Initial schema");
        Run sql = run(missing, db.user(), password(db), "upgrade heads --sql");
        assertThat(sql.status()).as(sql.output()).isZero();
        assertThat(sql.output()).contains("-- Running upgrade  -> 5577ef20e9ff").doesNotContain(password(db));
        // A command that needs the database fails with its own message.
        Run current = run(missing, db.user(), password(db), "current");
        assertThat(current.status()).as(current.output()).isEqualTo(255);
        assertThat(current.output()).contains("FAILED: ").doesNotContain("entityManagerFactory");
    }

    @Test
    void aFailedStepIsPrintedOnceAsTheFailedLine(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("a1_first.sql"), "-- First\n-- Revision ID: a1\n-- Revises:\n\n"
                + "-- migrate:upgrade\nCREATE TABLE one (id int);\nCREATE TABLE one (id int);\n"
                + "-- migrate:downgrade\nDROP TABLE one;\n");

        Run failed;
        try (TestDatabase own = TestPostgres.createDatabase("cmdfail")) {
            failed = run(own.jdbcUrl(), own.user(), password(own), "upgrade heads",
                    "--samokoder.migrations.locations=filesystem:" + dir, "--samokoder.migrations.java-packages=");
        }

        assertThat(failed.status()).as(failed.output()).isEqualTo(255);
        String failure = "Revision a1 failed at statement 2 (file:" + dir.resolve("a1_first.sql") + ", line 7)";
        assertThat(lines(failed.output())).as(failed.output()).filteredOn(line -> line.contains(failure))
            .singleElement().asString().startsWith("FAILED: ");
    }

    private static Run run(TestDatabase db, String command) throws Exception {
        return run(db.jdbcUrl(), db.user(), password(db), command);
    }

    private static Run run(String url, String user, String password, String command, String... more)
            throws Exception {
        Path jar = Paths.get(System.getProperty("sample.jar", "target/sample-app-0.1.0-SNAPSHOT.jar"));
        assertThat(jar).exists();
        int port = freePort();
        Path log = Files.createTempFile(jar.getParent(), "command-mode-", ".log");
        String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
        // C1 alone and the serial collector start a short-lived JVM sooner on two cores; what is tested is the same.
        List<String> args = new ArrayList<>(List.of(java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-jar",
                jar.toString(),
                "--spring.datasource.url=" + url, "--spring.datasource.username=" + user,
                "--spring.datasource.password=" + password, "--server.port=" + port,
                "--samokoder.migrations.command=" + command));
        args.addAll(List.of(more));
        Process process = new ProcessBuilder(args).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        AtomicBoolean opened = new AtomicBoolean();
        Thread probe = new Thread(() -> {
            while (process.isAlive() && !opened.get()) {
                try (Socket socket = new Socket()) {
                    socket.connect(new InetSocketAddress("127.0.0.1", port), 100);
                    opened.set(true);
                }
                catch (IOException notListening) {
                    // expected: nothing serves HTTP in command mode
                }
                try {
                    Thread.sleep(50);
                }
                catch (InterruptedException ex) {
                    return;
                }
            }
        });
        probe.start();
        if (!process.waitFor(3, TimeUnit.MINUTES)) {
            process.destroyForcibly().waitFor();
            throw new AssertionError("'" + command + "' did not exit:\n" + Files.readString(log));
        }
        probe.join();
        return new Run(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8), opened.get());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
