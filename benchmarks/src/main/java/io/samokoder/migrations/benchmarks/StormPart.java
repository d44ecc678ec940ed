package io.samokoder.migrations.benchmarks;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Part G: instances that start together with one migration pending, as the instances of a rolling deploy or of
 * a scaled-out service do. Each measurement brings a new database to N (not timed), then starts K fresh JVMs at
 * once, each migrating the directory of N + 1 migrations with the tool's own lock.
 */
final class StormPart {

    /**
     * One measurement: from the first instance's start to the last one's exit (all instances ready), and the
     * median and largest of the instances' own times (from the tool's first class to its migrate call's
     * return: the lock's wait included, the JVM's start not).
     */
    record Sample(int rep, double allMillis, double medianMillis, double maxMillis) {
    }

    private final Options options;
    private final DatabaseServer server;
    private final Path work;
    private final Child child;
    private final Results results;

    StormPart(Options options, DatabaseServer server, Path work, Child child, Results results) {
        this.options = options;
        this.server = server;
        this.work = work;
        this.child = child;
        this.results = results;
    }

    static String key(int n, int instances, Tool tool) {
        return n + "/" + instances + "/" + tool.key();
    }

    void run() throws IOException, InterruptedException {
        for (int n : this.options.ns()) {
            for (Tool tool : this.options.tools()) {
                if (tool.inLockParts() && this.options.runs(tool, n)) {
                    Workload.directory(this.work, this.server.db(), tool, n);
                    Workload.settle(Workload.directory(this.work, this.server.db(), tool, n + 1));
                }
            }
            Workload.flush();
            for (int rep = 1; rep <= this.options.reps(); rep++) {
                for (int instances : this.options.instances()) {
                    for (Tool tool : this.options.toolsInRepetition(rep)) {
                        if (tool.inLockParts() && this.options.runs(tool, n)) {
                            measure(n, instances, rep, tool);
                        }
                    }
                }
            }
        }
    }

    private void measure(int n, int instances, int rep, Tool tool) throws InterruptedException {
        String label = "G, N=" + n + ", " + instances + " instances, " + tool.label() + ", repetition " + rep;
        BenchServer.Database db = this.server.create();
        ExecutorService starter = Executors.newFixedThreadPool(instances);
        try {
            BenchmarkMain.progress("G n=" + n + " x" + instances + " rep " + rep + " " + tool.key());
            BenchmarkMain.checkApplied(tool, n, this.child.run(db.password(), "migrate", tool.key(),
                    Workload.directory(this.work, this.server.db(), tool, n).toString(), db.url(), db.user(), "0")
                    .first());
            String next = Workload.directory(this.work, this.server.db(), tool, n + 1).toString();
            List<Future<Child.Outcome>> started = new ArrayList<>();
            long start = System.nanoTime();
            for (int i = 0; i < instances; i++) {
                started.add(starter.submit(() -> this.child.run(db.password(), "migrate", tool.key(), next, db.url(),
                        db.user(), "0")));
            }
            List<Double> own = new ArrayList<>();
            for (Future<Child.Outcome> instance : started) {
                Child.Outcome outcome = instance.get();
                // Every instance returns with the pending migration applied, by itself or by another.
                BenchmarkMain.checkApplied(tool, n + 1, outcome.first());
                own.add(BenchmarkMain.nanosToMillis(outcome.first().get("coldNanos")));
            }
            double all = (System.nanoTime() - start) / 1e6;
            Stats stats = Stats.of(own);
            this.results.g.computeIfAbsent(key(n, instances, tool), x -> new ArrayList<>())
                    .add(new Sample(rep, all, stats.median(), stats.max()));
        } catch (IOException | ExecutionException | RuntimeException e) {
            this.results.notes.add(label + ": " + BenchmarkMain.firstLine(String.valueOf(e.getMessage())));
            System.err.println(label + ": " + e.getMessage());
        } finally {
            starter.shutdownNow();
            db.drop();
        }
    }

    static void render(StringBuilder md, Options options, Results results) {
        md.append("### G. Instances starting together with one migration pending\n\n");
        md.append("Each measurement brings a new database to N (not timed), then starts K fresh JVMs at once, each ")
                .append("migrating N + 1 migrations with the tool's own lock (raw JDBC has none and is not run). All ")
                .append("ready: from the first start to the last exit, the JVMs' starts included (K JVMs share the ")
                .append("cores); per instance: each one's time from the tool's first class to its migrate call's ")
                .append("return, the lock's wait included. Every instance returns with N + 1 applied.\n\n");
        md.append("| N | instances | tool | all ready ms | per instance, median ms | per instance, largest ms |\n");
        md.append("|---:|---:|---|---:|---:|---:|\n");
        for (int n : options.ns()) {
            for (int instances : options.instances()) {
                for (Tool tool : options.tools()) {
                    List<Sample> s = results.g.get(key(n, instances, tool));
                    if (s == null) {
                        continue;
                    }
                    md.append("| ").append(n).append(" | ").append(instances).append(" | ").append(tool.label())
                            .append(" | ").append(Stats.of(s, Sample::allMillis).format())
                            .append(" | ").append(Stats.of(s, Sample::medianMillis).format())
                            .append(" | ").append(Stats.of(s, Sample::maxMillis).format()).append(" |\n");
                }
            }
        }
        md.append('\n');
    }
}
