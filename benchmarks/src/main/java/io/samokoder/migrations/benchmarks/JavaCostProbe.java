package io.samokoder.migrations.benchmarks;

import io.samokoder.migrations.dialect.postgresql.PostgresDialect;
import io.samokoder.migrations.java.JavaRevision;
import io.samokoder.migrations.java.JavaRevisions;
import io.samokoder.migrations.java.Revision;
import io.samokoder.migrations.ops.NamingConvention;
import io.samokoder.migrations.ops.OperationRecorder;
import io.samokoder.migrations.script.RevisionScript;
import io.samokoder.migrations.script.ScriptLoader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Breaks down what part A's Java revisions cost per revision before anything reaches the database,
 * beside the same steps for the SQL scripts: not part of the report, run by hand on a work
 * directory that part A left ({@code --work-dir}), e.g.
 * {@code java -cp benchmarks/target/benchmarks.jar io.samokoder.migrations.benchmarks.JavaCostProbe
 * /tmp/work/postgresql-ours_java-10000 /tmp/work/postgresql-ours-10000}.
 *
 * <p>Each phase runs once over all revisions, in the order the engine meets them, on one thread;
 * it prints the bytes that thread allocated and the CPU it used, per revision, and the heap still
 * used after a collection (what the phase keeps). The first pass is cold, as in a run; more passes
 * ({@code --passes 3}) show the same work with the JIT warm. Each pass ends with the engine's share per
 * revision for both: for a Java revision {@code JavaRevisions.load} (recording, checksum),
 * {@code transactional} and rendering the upgrade statements; for an SQL script reading and parsing
 * the file, its checksum, {@code transactional} and its statements. The Java phases run first;
 * {@code --sql-first} runs the SQL phases first, so that what both paths share (the SHA-256 digest,
 * the script classes) is paid by the other side in the first pass; {@code --only java} or
 * {@code --only sql} runs one side alone, so that its first pass pays all its own first costs.
 */
public final class JavaCostProbe {

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private JavaCostProbe() {
    }

    /**
     * Runs the probe.
     *
     * @param args the Java work directory, the SQL work directory, and optionally {@code --passes N},
     *             {@code --sql-first}, {@code --only java|sql}
     */
    public static void main(String[] args) throws Exception {
        Path javaDir = Path.of(args[0]);
        Path sqlDir = Path.of(args[1]);
        int passes = 1;
        boolean sqlFirst = false;
        String only = "";
        for (int i = 2; i < args.length; i++) {
            if (args[i].equals("--passes")) {
                passes = Integer.parseInt(args[++i]);
            } else if (args[i].equals("--sql-first")) {
                sqlFirst = true;
            } else if (args[i].equals("--only")) {
                only = args[++i];
            } else {
                throw new IllegalArgumentException("Unknown argument " + args[i]
                        + "; use --passes N, --sql-first, --only java|sql");
            }
        }
        List<String> names = Files.readAllLines(javaDir.resolve(JavaRevisionWorkload.LIST), StandardCharsets.UTF_8);
        int n = names.size();
        List<Path> files;
        try (Stream<Path> list = Files.list(sqlDir)) {
            files = list.filter(p -> p.toString().endsWith(".sql")).sorted().toList();
        }
        for (int pass = 1; pass <= passes; pass++) {
            System.out.printf(Locale.ROOT, "pass %d, %d revisions%n", pass, n);
            System.out.printf(Locale.ROOT, "%-44s %12s %12s %12s%n", "phase", "bytes/rev", "CPU us/rev",
                    "kept B/rev");
            long base = liveHeap();
            Phase phase = new Phase(n, base);
            List<Object> kept = new ArrayList<>();
            Phase.Sum java = null;
            Phase.Sum sql = null;
            if (sqlFirst && !only.equals("java")) {
                sql = sqlPhases(phase, files, kept);
            }
            if (!only.equals("sql")) {
                java = javaPhases(phase, javaDir, names, kept);
            }
            if (!sqlFirst && !only.equals("java")) {
                sql = sqlPhases(phase, files, kept);
            }
            if (java != null) {
                System.out.printf(Locale.ROOT, "%-44s %12d %12.1f%n", "engine share, java (load, transactional,"
                        + " render)", java.bytes() / n, java.cpu() / 1000.0 / n);
            }
            if (sql != null) {
                System.out.printf(Locale.ROOT, "%-44s %12d %12.1f%n", "engine share, sql (parse, checksum, ...)",
                        sql.bytes() / n, sql.cpu() / 1000.0 / n);
            }
            System.out.printf(Locale.ROOT, "kept at the end: java and sql scripts, %d B/rev over the start%n",
                    (liveHeap() - base) / n);
            kept.clear();
        }
    }

    /**
     * The Java revisions' phases; returns the engine's share: {@code JavaRevisions.load} (recording and
     * checksum), {@code transactional} and rendering the upgrade statements.
     */
    private static Phase.Sum javaPhases(Phase phase, Path javaDir, List<String> names, List<Object> kept)
            throws Exception {
        int n = names.size();
        phase.restart();
        long metaspace = metaspace();
        List<JavaRevision> revisions = new ArrayList<>(n);
        ClassLoader loader = new URLClassLoader(new URL[] {javaDir.resolve(JavaRevisionWorkload.CLASSES).toUri()
                .toURL()}, JavaCostProbe.class.getClassLoader());
        for (String name : names) {
            revisions.add((JavaRevision) Class.forName(name, true, loader).getDeclaredConstructor().newInstance());
        }
        phase.end("java: load and instantiate the classes");
        System.out.printf(Locale.ROOT, "%-44s %12d%n", "  metaspace grown (class space included), B/rev",
                (metaspace() - metaspace) / n);
        phase.restart();

        for (JavaRevision revision : revisions) {
            OperationRecorder up = new OperationRecorder(NamingConvention.DEFAULT);
            revision.upgrade(up);
            up.operations();
            OperationRecorder down = new OperationRecorder(NamingConvention.DEFAULT);
            revision.downgrade(down);
            down.operations();
        }
        phase.end("java: record both directions (nothing kept)");

        int ids = 0;
        for (JavaRevision revision : revisions) {
            Revision declared = revision.getClass().getAnnotation(Revision.class);
            ids += declared.id().length() + declared.revises().length + declared.branchLabels().length
                    + declared.dependsOn().length + declared.message().length() + declared.version().length()
                    + declared.createDate().length() + (declared.transactional() ? 1 : 0);
        }
        phase.end("java: read the @Revision annotations" + (ids == 0 ? " (none)" : ""));

        List<RevisionScript> java = new ArrayList<>(n);
        for (JavaRevision revision : revisions) {
            java.add(JavaRevisions.load(revision, NamingConvention.DEFAULT));
        }
        Phase.Sum share = phase.end("java: JavaRevisions.load (record, checksum)");

        long chars = 0;
        for (RevisionScript script : java) {
            chars += script.checksum().length();
        }
        phase.end("java: checksum() again (" + chars / n + " chars)");

        int autocommit = 0;
        for (RevisionScript script : java) {
            autocommit += script.transactional(PostgresDialect.INSTANCE) ? 0 : 1;
        }
        share = share.plus(phase.end("java: transactional(dialect)" + (autocommit > 0 ? " " + autocommit : "")));

        long statements = 0;
        for (RevisionScript script : java) {
            statements += script.upgradeStatements(PostgresDialect.INSTANCE).size();
        }
        share = share.plus(phase.end("java: upgradeStatements(dialect) (" + statements / n + " per rev)"));
        kept.add(revisions);
        kept.add(java);
        return share;
    }

    /** The SQL scripts' phases; returns their sum, the engine's share for an SQL script. */
    private static Phase.Sum sqlPhases(Phase phase, List<Path> files, List<Object> kept) throws Exception {
        phase.restart();
        List<RevisionScript> sql = new ArrayList<>(files.size());
        for (Path file : files) {
            sql.add(ScriptLoader.parse(file.toString(), Files.readString(file, StandardCharsets.UTF_8)));
        }
        Phase.Sum share = phase.end("sql: read and parse the files");

        for (RevisionScript script : sql) {
            script.checksum();
        }
        share = share.plus(phase.end("sql: checksum()"));

        for (RevisionScript script : sql) {
            script.transactional(PostgresDialect.INSTANCE);
        }
        share = share.plus(phase.end("sql: transactional(dialect)"));

        for (RevisionScript script : sql) {
            script.upgradeStatements(PostgresDialect.INSTANCE);
        }
        share = share.plus(phase.end("sql: upgradeStatements(dialect)"));
        kept.add(sql);
        return share;
    }

    /** Metaspace used, class space included (HotSpot's "Metaspace" pool counts both). */
    private static long metaspace() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getName().equals("Metaspace")) {
                return pool.getUsage().getUsed();
            }
        }
        return 0;
    }

    private static long liveHeap() {
        for (int i = 0; i < 2; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** Allocation and CPU of the current thread between two calls, and the live heap after each. */
    private static final class Phase {

        private final int n;
        private long bytes;
        private long cpu;
        private long live;

        Phase(int n, long live) {
            this.n = n;
            this.live = live;
            this.bytes = THREADS.getCurrentThreadAllocatedBytes();
            this.cpu = THREADS.getCurrentThreadCpuTime();
        }

        /** Starts the next phase from here (after what ran between phases, such as printing). */
        void restart() {
            this.bytes = THREADS.getCurrentThreadAllocatedBytes();
            this.cpu = THREADS.getCurrentThreadCpuTime();
        }

        /** Prints the phase that ends here and returns its allocation and CPU, over all revisions. */
        Sum end(String what) {
            long bytesNow = THREADS.getCurrentThreadAllocatedBytes();
            long cpuNow = THREADS.getCurrentThreadCpuTime();
            Sum sum = new Sum(bytesNow - this.bytes, cpuNow - this.cpu);
            long liveNow = liveHeap();
            System.out.printf(Locale.ROOT, "%-44s %12d %12.1f %12d%n", what, sum.bytes() / this.n,
                    sum.cpu() / 1000.0 / this.n, (liveNow - this.live) / this.n);
            this.live = liveNow;
            restart();
            return sum;
        }

        /** Bytes allocated and CPU nanoseconds of one or more phases. */
        record Sum(long bytes, long cpu) {

            Sum plus(Sum other) {
                return new Sum(this.bytes + other.bytes, this.cpu + other.cpu);
            }
        }
    }
}
