package io.samokoder.migrations.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs the benchmark parts and prints a Markdown report. See docs/benchmarks.md for the command
 * and for what each part measures.
 */
public final class BenchmarkMain {

    private final Options options;
    private final DatabaseServer server;
    private final Path work;
    private final Child child;
    private final Results results = new Results();

    private BenchmarkMain(Options options, DatabaseServer server, Path work) {
        this.options = options;
        this.server = server;
        this.work = work;
        try {
            // A directory of its own for the children's output: runs may share a work directory.
            this.child = new Child(Files.createTempDirectory(work, "children-"), options.childTimeoutSeconds(),
                    options.jvmArgs());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create a directory under " + work, e);
        }
    }

    public static void main(String[] args) throws Exception {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        DatabaseServer server = options.needsDatabase()
                ? DatabaseServer.connect(options.db(), options.serverCommits()) : null;
        if (server != null && options.latencyMillis() > 0) {
            server = DelayedServer.wrap(server, options.latencyMillis());
        }
        Path work = options.workDir() != null ? Files.createDirectories(options.workDir())
                : Files.createTempDirectory("samokoder-bench");
        BenchmarkMain bench = new BenchmarkMain(options, server, work);
        try {
            bench.run();
        } finally {
            if (options.workDir() == null) {
                deleteTree(work);
            }
        }
        String report = Report.render(options, server, bench.results);
        System.out.println(report);
        if (options.out() != null) {
            Files.writeString(options.out(), report, StandardCharsets.UTF_8);
        }
    }

    private void run() throws IOException, InterruptedException {
        Map<String, BenchServer.Database> atHead = new HashMap<>();
        List<BenchServer.Database> dropLater = new ArrayList<>();
        try {
            if (this.options.parts().contains("A")) {
                partA(atHead, dropLater);
            }
            if (this.options.parts().contains("B")) {
                partB(atHead);
            }
        } finally {
            dropLater.addAll(atHead.values());
            for (BenchServer.Database db : dropLater) {
                db.drop();
            }
            if (!dropLater.isEmpty()) {
                // Dropping thousands of tables goes on in the file system after the server returns.
                Workload.flush();
            }
        }
        if (this.options.parts().contains("F")) {
            new DeployPart(this.options, this.server, this.work, this.child, this.results).run();
        }
        if (this.options.parts().contains("G")) {
            new StormPart(this.options, this.server, this.work, this.child, this.results).run();
        }
        if (this.options.parts().contains("H")) {
            new KilledHolderPart(this.options, this.server, this.work, this.child, this.results).run();
        }
        if (this.options.parts().contains("C")) {
            partC();
        }
        if (this.options.parts().contains("D")) {
            partD();
        }
        if (this.options.parts().contains("E")) {
            new CommandLinePart(this.options, this.work, this.results).run();
        }
        if (this.options.parts().contains("I")) {
            new EndpointPart(this.options, this.server, this.work, this.results).run();
        }
    }

    private static String key(int n, Tool tool) {
        return n + "/" + tool.key();
    }

    /**
     * A: apply N migrations to a fresh, empty database; tools interleaved within each repetition, their
     * order rotated. Every tool's migrations are written, and written out to disk, before the first
     * measurement of an N. The databases not kept for B go to {@code dropLater}, dropped once A and B
     * are done: dropping one of thousands of tables makes the server and the file system work for
     * seconds, and a measurement started meanwhile ran its migrations about 1.6 times slower.
     */
    private void partA(Map<String, BenchServer.Database> atHead, List<BenchServer.Database> dropLater)
            throws IOException, InterruptedException {
        for (int n : this.options.ns()) {
            for (Tool tool : this.options.tools()) {
                if (this.options.runs(tool, n)) {
                    Workload.directory(this.work, this.server.db(), tool, n);
                }
            }
            Workload.flush();
            warmUp(n, dropLater);
            Map<Tool, Boolean> failed = new EnumMap<>(Tool.class);
            for (int rep = 1; rep <= this.options.aReps(); rep++) {
                for (Tool tool : this.options.toolsInRepetition(rep)) {
                    // The full-check variant applies exactly as ours does; it differs on no-op starts only.
                    if (tool == Tool.OURS_FULL || !this.options.runs(tool, n) || failed.containsKey(tool)) {
                        continue;
                    }
                    Path dir = Workload.directory(this.work, this.server.db(), tool, n);
                    BenchServer.Database db = this.server.create();
                    boolean keep = false;
                    try {
                        progress("A n=" + n + " rep " + rep + " " + tool.key());
                        Child.Outcome outcome = this.child.run(db.password(), "migrate", tool.key(), dir.toString(),
                                db.url(), db.user(), "0");
                        Map<String, String> r = outcome.first();
                        checkApplied(tool, n, r);
                        this.results.a.computeIfAbsent(key(n, tool), k -> new ArrayList<>()).add(new Results.Sample(rep,
                                nanosToMillis(r.get("coldNanos")), nanosToMillis(r.get("coldCpuNanos")), Double.NaN,
                                outcome.processMillis(),
                                Long.parseLong(r.get("vmHwmKb")) / 1024.0, optionalMillis(r.get("firstStepNanos")),
                                optionalMillis(r.get("stepNanos")), optionalMillis(r.get("meanStepNanos")),
                                optionalMillis(r.get("afterLastStartNanos"))));
                        if (rep == this.options.aReps() || !atHead.containsKey(key(n, tool))) {
                            BenchServer.Database old = atHead.put(key(n, tool), db);
                            if (old != null) {
                                dropLater.add(old);
                            }
                            keep = true;
                        }
                    } catch (Child.ChildFailedException e) {
                        failed.put(tool, true);
                        this.results.notes.add("A, N=" + n + ", " + tool.label() + ", repetition " + rep + ": "
                                + firstLine(e.getMessage()));
                        System.err.println(e.getMessage());
                    } finally {
                        if (!keep) {
                            dropLater.add(db);
                        }
                    }
                }
            }
        }
    }

    /**
     * One run of raw JDBC at N before the measurements, not recorded: the first measurement of a
     * benchmark ran its migrations about 1.5 times slower than the later ones, whatever the tool.
     */
    private void warmUp(int n, List<BenchServer.Database> dropLater) throws IOException, InterruptedException {
        BenchServer.Database db = this.server.create();
        dropLater.add(db);
        progress("A n=" + n + " warm-up (raw, not recorded)");
        Path dir = Workload.directory(this.work, this.server.db(), Tool.RAW, n);
        try {
            this.child.run(db.password(), "migrate", Tool.RAW.key(), dir.toString(), db.url(), db.user(), "0");
        } catch (Child.ChildFailedException e) {
            this.results.notes.add("A, N=" + n + ", the warm-up run: " + firstLine(e.getMessage()));
            System.err.println(e.getMessage());
        }
    }

    /** B: no-op start on a database already at head: cold (fresh JVM) and warm (same JVM, again). */
    private void partB(Map<String, BenchServer.Database> atHead) throws IOException, InterruptedException {
        for (int n : this.options.ns()) {
            Map<Tool, Boolean> failed = new EnumMap<>(Tool.class);
            for (Tool tool : this.options.tools()) {
                if (!this.options.runs(tool, n) || atHead.containsKey(key(n, tool))) {
                    continue;
                }
                BenchServer.Database db = this.server.create();
                try {
                    Workload.settle(Workload.directory(this.work, this.server.db(), tool, n));
                    progress("B n=" + n + " preparing " + tool.key());
                    Child.Outcome outcome = this.child.run(db.password(), "migrate", tool.key(),
                            Workload.directory(this.work, this.server.db(), tool, n).toString(), db.url(), db.user(), "0");
                    checkApplied(tool, n, outcome.first());
                    atHead.put(key(n, tool), db);
                } catch (Child.ChildFailedException e) {
                    db.drop();
                    failed.put(tool, true);
                    this.results.notes.add("B, N=" + n + ", " + tool.label() + ", preparing: " + firstLine(e.getMessage()));
                }
            }
            for (int rep = 1; rep <= this.options.reps(); rep++) {
                for (Tool tool : this.options.toolsInRepetition(rep)) {
                    if (!this.options.runs(tool, n) || failed.containsKey(tool) || !atHead.containsKey(key(n, tool))) {
                        continue;
                    }
                    BenchServer.Database db = atHead.get(key(n, tool));
                    try {
                        progress("B n=" + n + " rep " + rep + " " + tool.key());
                        Child.Outcome outcome = this.child.run(db.password(), "migrate", tool.key(),
                                Workload.directory(this.work, this.server.db(), tool, n).toString(), db.url(), db.user(),
                                Integer.toString(this.options.warmRuns()));
                        Map<String, String> r = outcome.first();
                        checkApplied(tool, n, r);
                        List<Double> warm = new ArrayList<>();
                        if (!r.get("warmNanos").isEmpty()) {
                            for (String w : r.get("warmNanos").split(",")) {
                                warm.add(nanosToMillis(w));
                            }
                        }
                        this.results.b.computeIfAbsent(key(n, tool), k -> new ArrayList<>()).add(new Results.Sample(rep,
                                nanosToMillis(r.get("coldNanos")), nanosToMillis(r.get("coldCpuNanos")),
                                Stats.of(warm).median(), outcome.processMillis(),
                                Long.parseLong(r.get("vmHwmKb")) / 1024.0));
                    } catch (Child.ChildFailedException e) {
                        failed.put(tool, true);
                        this.results.notes.add("B, N=" + n + ", " + tool.label() + ", repetition " + rep + ": "
                                + firstLine(e.getMessage()));
                        System.err.println(e.getMessage());
                    }
                }
            }
        }
    }

    /** C: graph work alone (ours), cold in a fresh JVM and warm in the same one. */
    private void partC() throws IOException, InterruptedException {
        for (String source : this.options.graphSources()) {
            for (int size : this.options.graphSizes()) {
                Path dir = GraphWork.write(this.work, size);
                Path path = source.equals("jar") ? GraphWork.jar(dir) : dir;
                for (int rep = 1; rep <= this.options.reps(); rep++) {
                    progress("C " + source + " size=" + size + " rep " + rep);
                    Child.Outcome outcome = this.child.run("", "graph", path.toString(),
                            Integer.toString(this.options.warmRuns()));
                    List<Map<String, String>> passes = outcome.results();
                    double floor = nanosToMillis(this.child.run("", "floor", path.toString()).first().get("floor"));
                    Results.GraphSample sample = new Results.GraphSample(rep, stages(passes.get(0)),
                            nanosToMillis(passes.get(0).get("cpu")),
                            passes.size() > 1 ? warmStages(passes.subList(1, passes.size())) : null,
                            outcome.processMillis(), Long.parseLong(passes.get(passes.size() - 1).get("vmHwmKb")) / 1024.0,
                            floor);
                    this.results.c.computeIfAbsent(source + ":" + size, k -> new ArrayList<>()).add(sample);
                }
            }
        }
    }

    /** D: Spring Boot start-up of the sample app, nothing pending, migrations enabled vs disabled. */
    private void partD() throws IOException, InterruptedException {
        Path jar = BootStartup.findJar(this.options.sampleAppJar());
        if (jar == null) {
            this.results.notes.add("D skipped: no sample app jar (build it with `mvn -pl sample-app -am package`"
                    + " or pass --sample-app-jar).");
            return;
        }
        this.results.dJar = jar.getFileName().toString();
        BenchServer.Database db = this.server.create();
        try {
            progress("D preparing (first start migrates the sample app's revisions)");
            BootStartup.start(jar, db, true, this.options.childTimeoutSeconds(), this.options.jvmArgs());
            for (int rep = 1; rep <= this.options.reps(); rep++) {
                progress("D rep " + rep + " enabled");
                this.results.dEnabled.add(BootStartup.start(jar, db, true, this.options.childTimeoutSeconds(),
                        this.options.jvmArgs()));
                progress("D rep " + rep + " disabled");
                this.results.dDisabled.add(BootStartup.start(jar, db, false, this.options.childTimeoutSeconds(),
                        this.options.jvmArgs()));
            }
        } catch (Child.ChildFailedException e) {
            this.results.notes.add("D: " + firstLine(e.getMessage()));
            System.err.println(e.getMessage());
        } finally {
            db.drop();
        }
    }

    private static double[] stages(Map<String, String> pass) {
        double[] ms = new double[GraphWork.STAGES.size()];
        for (int i = 0; i < ms.length; i++) {
            ms[i] = nanosToMillis(pass.get(GraphWork.STAGES.get(i)));
        }
        return ms;
    }

    /** The median of each stage over the warm passes. */
    private static double[] warmStages(List<Map<String, String>> passes) {
        double[] ms = new double[GraphWork.STAGES.size()];
        for (int i = 0; i < ms.length; i++) {
            List<Double> values = new ArrayList<>();
            for (Map<String, String> pass : passes) {
                values.add(nanosToMillis(pass.get(GraphWork.STAGES.get(i))));
            }
            ms[i] = Stats.of(values).median();
        }
        return ms;
    }

    static void checkApplied(Tool tool, int n, Map<String, String> result) {
        long applied = Long.parseLong(result.get("applied"));
        if (applied != n) {
            throw new IllegalStateException(tool.label() + " recorded " + applied + " applied migrations, expected " + n);
        }
    }

    static double nanosToMillis(String nanos) {
        return Long.parseLong(nanos) / 1e6;
    }

    /** {@link #nanosToMillis}, NaN for a field the child did not report. */
    static double optionalMillis(String nanos) {
        return nanos == null ? Double.NaN : nanosToMillis(nanos);
    }

    static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    static void progress(String what) {
        System.err.println("[bench] " + what);
    }

    private static void deleteTree(Path root) {
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.delete(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                    Files.delete(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete " + root, e);
        }
    }
}
