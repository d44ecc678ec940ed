package io.samokoder.migrations.benchmarks;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Part F of the benchmark: migrations added on top of a long applied history, as every deploy of a
 * long-lived service adds them.
 */
final class DeployPart {

    private final Options options;
    private final DatabaseServer server;
    private final Path work;
    private final Child child;
    private final Results results;

    DeployPart(Options options, DatabaseServer server, Path work, Child child, Results results) {
        this.options = options;
        this.server = server;
        this.work = work;
        this.child = child;
        this.results = results;
    }

    /**
     * F: a deploy on a long history: each tool's database is brought to N once (not timed), then every
     * repetition adds each of {@code --add}'s counts of migrations on top, one measurement each (cold, in a
     * fresh JVM), so the history grows by their sum per repetition. Every tool reads a directory with all the
     * migrations applied so far plus the new ones, as a new build's would (for ours, a changed fingerprint:
     * the full check, not the fast start). The directories are written and settled before the first
     * measurement. Ours_full and ours_java are not run here.
     */
    void run() throws IOException, InterruptedException {
        List<Tool> tools = new ArrayList<>();
        for (Tool tool : this.options.tools()) {
            if (tool != Tool.OURS_FULL && tool != Tool.OURS_JAVA) {
                tools.add(tool);
            }
        }
        for (int n : this.options.ns()) {
            List<Integer> sizes = new ArrayList<>(List.of(n));
            for (int rep = 1, m = n; rep <= this.options.reps(); rep++) {
                for (int k : this.options.adds()) {
                    m += k;
                    sizes.add(m);
                }
            }
            List<Tool> running = new ArrayList<>();
            for (Tool tool : tools) {
                if (this.options.runs(tool, n)) {
                    running.add(tool);
                    for (int size : sizes) {
                        Workload.directory(this.work, this.server.db(), tool, size);
                    }
                }
            }
            Workload.flush();
            Map<Tool, BenchServer.Database> dbs = new EnumMap<>(Tool.class);
            try {
                for (Tool tool : List.copyOf(running)) {
                    BenchServer.Database db = this.server.create();
                    dbs.put(tool, db);
                    try {
                        BenchmarkMain.progress("F n=" + n + " preparing " + tool.key());
                        Child.Outcome outcome = this.child.run(db.password(), "migrate", tool.key(),
                                Workload.directory(this.work, this.server.db(), tool, n).toString(), db.url(),
                                db.user(), "0");
                        BenchmarkMain.checkApplied(tool, n, outcome.first());
                    } catch (Child.ChildFailedException e) {
                        running.remove(tool);
                        this.results.notes.add("F, N=" + n + ", " + tool.label() + ", preparing: "
                                + BenchmarkMain.firstLine(e.getMessage()));
                    }
                }
                int m = n;
                for (int rep = 1; rep <= this.options.reps(); rep++) {
                    for (int k : this.options.adds()) {
                        m += k;
                        for (Tool tool : this.options.toolsInRepetition(rep)) {
                            if (running.contains(tool)) {
                                measureF(n, k, m, rep, tool, dbs.get(tool), running);
                            }
                        }
                    }
                }
            } finally {
                for (BenchServer.Database db : dbs.values()) {
                    db.drop();
                }
                Workload.flush();
            }
        }
    }

    private void measureF(int n, int k, int m, int rep, Tool tool, BenchServer.Database db, List<Tool> running)
            throws IOException, InterruptedException {
        try {
            BenchmarkMain.progress("F n=" + n + " +" + k + " rep " + rep + " " + tool.key());
            Workload.settle(Workload.directory(this.work, this.server.db(), tool, m));
            Child.Outcome outcome = this.child.run(db.password(), "migrate", tool.key(),
                    Workload.directory(this.work, this.server.db(), tool, m).toString(), db.url(), db.user(), "0");
            Map<String, String> r = outcome.first();
            BenchmarkMain.checkApplied(tool, m, r);
            this.results.f.computeIfAbsent(Results.fKey(n, k, tool), x -> new ArrayList<>()).add(new Results.Sample(
                    rep, BenchmarkMain.nanosToMillis(r.get("coldNanos")), BenchmarkMain.nanosToMillis(r.get("coldCpuNanos")), Double.NaN,
                    outcome.processMillis(), Long.parseLong(r.get("vmHwmKb")) / 1024.0,
                    BenchmarkMain.optionalMillis(r.get("firstStepNanos")), Double.NaN, Double.NaN, Double.NaN));
        } catch (Child.ChildFailedException e) {
            running.remove(tool);
            this.results.notes.add("F, N=" + n + ", +" + k + ", " + tool.label() + ", repetition " + rep + ": "
                    + BenchmarkMain.firstLine(e.getMessage()));
            System.err.println(e.getMessage());
        }
    }
}
