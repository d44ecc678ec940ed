package io.samokoder.migrations.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * Part H (PostgreSQL): the instance that holds the tool's lock is killed (SIGKILL) in the middle of the pending
 * migration, and another instance starts at once, as a deploy's next pod does after the first one was killed.
 * Measured: from the kill to the second instance's exit, and whether it applied the migration.
 */
final class KilledHolderPart {

    /** One measurement: the time from the kill to the next instance's exit, and its failure if it failed. */
    record Sample(int rep, double recoveryMillis, String failure) {
    }

    /** What the first instance's pending migration runs first, so that it is killed while it holds the lock. */
    private static final String SLEEP = "SELECT pg_sleep(600);\n";

    private final Options options;
    private final DatabaseServer server;
    private final Path work;
    private final Child child;
    private final Results results;

    KilledHolderPart(Options options, DatabaseServer server, Path work, Child child, Results results) {
        this.options = options;
        this.server = server;
        this.work = work;
        this.child = child;
        this.results = results;
    }

    static String key(int n, Tool tool) {
        return n + "/" + tool.key();
    }

    void run() throws IOException, InterruptedException {
        if (this.server.db() != Db.POSTGRESQL) {
            this.results.notes.add("H runs on PostgreSQL only (its pending migration sleeps in pg_sleep)");
            return;
        }
        for (int n : this.options.ns()) {
            for (Tool tool : this.options.tools()) {
                if (tool.inLockParts() && this.options.runs(tool, n)) {
                    Workload.directory(this.work, this.server.db(), tool, n);
                    sleeping(tool, n + 1);
                }
            }
            Workload.flush();
            for (int rep = 1; rep <= this.options.reps(); rep++) {
                for (Tool tool : this.options.toolsInRepetition(rep)) {
                    if (tool.inLockParts() && this.options.runs(tool, n)) {
                        measure(n, rep, tool);
                    }
                }
            }
        }
    }

    /** The tool's directory of n migrations whose last one sleeps first. */
    private Path sleeping(Tool tool, int n) {
        return Workload.directoryWithLastBeginning(this.work, this.server.db(), tool, n, "sleeping", SLEEP);
    }

    private void measure(int n, int rep, Tool tool) throws InterruptedException {
        String label = "H, N=" + n + ", " + tool.label() + ", repetition " + rep;
        BenchServer.Database db = this.server.create();
        Child.Started holder = null;
        try {
            BenchmarkMain.progress("H n=" + n + " rep " + rep + " " + tool.key());
            BenchmarkMain.checkApplied(tool, n, this.child.run(db.password(), "migrate", tool.key(),
                    Workload.directory(this.work, this.server.db(), tool, n).toString(), db.url(), db.user(), "0")
                    .first());
            holder = this.child.start(db.password(), "migrate", tool.key(), sleeping(tool, n + 1).toString(), db.url(),
                    db.user(), "0");
            awaitSleeping(db);
            holder.process().destroyForcibly().waitFor();
            long killed = System.nanoTime();
            String failure = null;
            try {
                BenchmarkMain.checkApplied(tool, n + 1, this.child.run(db.password(), "migrate", tool.key(),
                        Workload.directory(this.work, this.server.db(), tool, n + 1).toString(), db.url(), db.user(),
                        "0").first());
            } catch (Child.ChildFailedException | IllegalStateException e) {
                failure = lockLine(e.getMessage());
            }
            this.results.h.computeIfAbsent(key(n, tool), x -> new ArrayList<>())
                    .add(new Sample(rep, (System.nanoTime() - killed) / 1e6, failure));
        } catch (IOException | RuntimeException e) {
            this.results.notes.add(label + ": " + BenchmarkMain.firstLine(String.valueOf(e.getMessage())));
            System.err.println(label + ": " + e.getMessage());
        } finally {
            if (holder != null) {
                holder.process().destroyForcibly();
            }
            db.drop();
        }
    }

    /** Waits until a session of the database runs the sleeping migration: its instance holds the lock then. */
    private static void awaitSleeping(BenchServer.Database db) throws InterruptedException {
        Properties props = new Properties();
        props.setProperty("user", db.user());
        props.setProperty("password", db.password() == null ? "" : db.password());
        long deadline = System.nanoTime() + 120_000_000_000L;
        try (Connection c = DriverManager.getConnection(db.url(), props); Statement st = c.createStatement()) {
            while (System.nanoTime() < deadline) {
                try (ResultSet rs = st.executeQuery("SELECT count(*) FROM pg_stat_activity WHERE datname ="
                        + " current_database() AND query LIKE '%pg_sleep(600)%' AND pid <> pg_backend_pid()")) {
                    rs.next();
                    if (rs.getLong(1) > 0) {
                        return;
                    }
                }
                Thread.sleep(20);
            }
        } catch (SQLException e) {
            throw new UncheckedIOException(new IOException("Cannot watch the benchmark database: " + e.getMessage()));
        }
        throw new IllegalStateException("The first instance did not reach its sleeping migration within 120 s");
    }

    /** The line of a child's failure that names the lock, else its first line. */
    private static String lockLine(String message) {
        for (String line : message.split("\n")) {
            if (line.toLowerCase(java.util.Locale.ROOT).contains("lock")) {
                return line.trim();
            }
        }
        return BenchmarkMain.firstLine(message);
    }

    static void render(StringBuilder md, Options options, Results results) {
        md.append("### H. The lock holder is killed in the middle of the pending migration\n\n");
        md.append("Each measurement brings a new database to N (not timed), starts an instance on N + 1 migrations ")
                .append("whose last one first sleeps (`pg_sleep`), kills its JVM (SIGKILL) once the sleep runs, and ")
                .append("at once starts another instance on N + 1 plain ones. Recovery: from the kill to the second ")
                .append("instance's exit, the JVM's start included; it must return with N + 1 applied.\n\n");
        md.append("| N | tool | recovery ms | outcome |\n");
        md.append("|---:|---|---:|---|\n");
        for (int n : options.ns()) {
            for (Tool tool : options.tools()) {
                List<Sample> s = results.h.get(key(n, tool));
                if (s == null) {
                    continue;
                }
                List<Double> times = new ArrayList<>();
                List<String> failures = new ArrayList<>();
                for (Sample sample : s) {
                    times.add(sample.recoveryMillis());
                    if (sample.failure() != null) {
                        failures.add("repetition " + sample.rep() + " failed: " + sample.failure().replace("|", "/"));
                    }
                }
                md.append("| ").append(n).append(" | ").append(tool.label()).append(" | ")
                        .append(Stats.of(times).format()).append(" | ")
                        .append(failures.isEmpty() ? "applied N + 1 every time" : String.join("; ", failures))
                        .append(" |\n");
            }
        }
        md.append('\n');
    }
}
