package io.samokoder.migrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The lock holder's host goes silent (its network link cut, as when a node loses its network or is
 * powered off: no FIN, no RST), while its revision runs. The server gives the session up after about the
 * holder's {@code deadHolderTimeout}, which frees the lock, and another engine completes. Needs a network
 * namespace, so it runs only as root where {@code ip netns} works (this project's CI machines); elsewhere it
 * is skipped, saying why. The server is an embedded PostgreSQL of its own, listening on the link.
 */
class SilentHolderTest {

    private static final int DEAD_HOLDER_SECONDS = 6;

    @Test
    void anotherEngineTakesOverAfterTheHoldersHostStopsAnswering(@TempDir Path dir) throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")), "cutting a network link needs root");
        int n = ThreadLocalRandom.current().nextInt(1, 250);
        int m = ThreadLocalRandom.current().nextInt(1, 63) * 4;
        String ns = "smk-silent-" + ProcessHandle.current().pid();
        String hostSide = "smkh" + Long.toString(ProcessHandle.current().pid(), 36);
        String childSide = "smkc" + Long.toString(ProcessHandle.current().pid(), 36);
        String hostIp = "10.214." + n + "." + (m + 1);
        String childIp = "10.214." + n + "." + (m + 2);
        assumeTrue(run("ip", "netns", "add", ns) == 0, "ip netns add did not work here");
        try {
            // A machine may allow namespaces but not virtual links: then this test cannot run there either.
            assumeTrue(run("ip", "link", "add", hostSide, "type", "veth", "peer", "name", childSide) == 0,
                    "no veth link could be made here");
            require("ip", "link", "set", childSide, "netns", ns);
            require("ip", "addr", "add", hostIp + "/30", "dev", hostSide);
            require("ip", "link", "set", hostSide, "up");
            require("ip", "netns", "exec", ns, "ip", "addr", "add", childIp + "/30", "dev", childSide);
            require("ip", "netns", "exec", ns, "ip", "link", "set", childSide, "up");
            Path hba = Files.writeString(dir.resolve("pg_hba.conf"), "local all all trust\n"
                    + "host all all 127.0.0.1/32 trust\nhost all all ::1/128 trust\n"
                    + "host all all " + childIp + "/32 trust\n");
            try (EmbeddedPostgres pg = EmbeddedPostgres.builder().setServerConfig("listen_addresses", "*")
                    .setServerConfig("hba_file", hba.toString()).start()) {
                takeOver(pg, dir, ns, hostIp, childSide);
            }
        }
        finally {
            // The veth pair goes with the namespace, or with its host side where it never got there.
            run("ip", "netns", "delete", ns);
            run("ip", "link", "delete", hostSide);
        }
    }

    private static void takeOver(EmbeddedPostgres pg, Path dir, String ns, String hostIp, String childSide)
            throws Exception {
        DataSource ds = pg.getPostgresDatabase();
        Db.exec(ds, "CREATE TABLE side_effect (revision text)");
        Path scripts = Files.createDirectory(dir.resolve("scripts"));
        Rev.writeAll(scripts,
                Rev.of("r1", "").message("Slow when run by the child whose host goes silent")
                        .up("CREATE TABLE made_by_r1 (id int);\nINSERT INTO side_effect VALUES ('r1');\n"
                                + "SELECT pg_sleep(CASE WHEN current_setting('application_name') = 'silent-child'"
                                + " THEN 300 ELSE 0 END);")
                        .down("DROP TABLE made_by_r1;"),
                Rev.of("r2", "r1").up("INSERT INTO side_effect VALUES ('r2');").down("SELECT 1;"));

        List<String> command = new ArrayList<>(List.of("ip", "netns", "exec", ns,
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), ChildMigrator.class.getName(),
                "jdbc:postgresql://" + hostIp + ":" + pg.getPort() + "/postgres", "postgres", "public",
                "filesystem:" + scripts, "heads", "silent-child", String.valueOf(DEAD_HOLDER_SECONDS)));
        Process child = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve("child.log").toFile()).start();
        try {
            boolean sleeping = false;
            for (int i = 0; i < 600 && !sleeping && child.isAlive(); i++) {
                sleeping = Db.count(ds, "SELECT count(*) FROM pg_stat_activity WHERE application_name = 'silent-child'"
                        + " AND state = 'active' AND query LIKE '%pg_sleep%'") == 1;
                Thread.sleep(50);
            }
            assertThat(sleeping).as("the child reached the slow revision: " + Files.readString(dir.resolve(
                    "child.log"))).isTrue();

            // The child's host goes silent: nothing reaches it, nothing leaves it, and nobody says so.
            require("ip", "netns", "exec", ns, "ip", "link", "set", childSide, "down");
            long start = System.nanoTime();
            MigrationResult result = new Migrations(MigrationsConfig.builder().dataSource(ds)
                    .locations("filesystem:" + scripts).lockWaitTimeout(Duration.ofSeconds(120)).build())
                .upgrade("heads");
            Duration took = Duration.ofNanos(System.nanoTime() - start);

            // About the holder's timeout (probes after half of it, three a sixth apart), and far from the two
            // hours and more of the server's default keepalives.
            assertThat(took).isBetween(Duration.ofSeconds(DEAD_HOLDER_SECONDS / 2), Duration.ofSeconds(40));
            assertThat(result.steps()).extracting(StepResult::revision).containsExactly("r1", "r2");
            assertThat(Db.versionRows(ds)).containsExactly("r2");
            // The silent holder's session was ended: its transaction, r1's first run, never committed.
            assertThat(Db.strings(ds, "SELECT revision || ' ' || count(*) FROM side_effect GROUP BY revision"
                    + " ORDER BY 1")).containsExactly("r1 1", "r2 1");
        }
        finally {
            child.destroyForcibly();
            child.waitFor(30, TimeUnit.SECONDS);
        }
    }

    private static void require(String... command) throws InterruptedException {
        int status = run(command);
        assertThat(status).as(String.join(" ", command)).isZero();
    }

    private static int run(String... command) throws InterruptedException {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return process.waitFor(30, TimeUnit.SECONDS) ? process.exitValue() : -1;
        }
        catch (IOException notInstalled) {
            return -1;
        }
    }
}
