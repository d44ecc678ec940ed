package io.samokoder.migrations.benchmarks;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.Logger;

/**
 * One measurement in a fresh JVM. The parent starts it as
 * {@code java -cp benchmarks.jar ...ChildMain migrate <tool> <dir> <jdbcUrl> <user> <warmRuns>}
 * (password in the environment) and reads the {@code RESULT} line it prints.
 *
 * <p>The pooled DataSource is created and one connection opened before the clock starts, as in an
 * application whose pool exists before the migration tool runs. The cold time then runs from just
 * before the tool's first class is touched until its migrate call returns; the warm runs repeat the
 * call with a new tool instance in the same JVM.
 */
public final class ChildMain {

    static final String PASSWORD_VARIABLE = "SAMOKODER_BENCH_CHILD_PASSWORD";

    private ChildMain() {
    }

    public static void main(String[] args) throws Exception {
        silenceJavaUtilLogging();
        switch (args[0]) {
            case "migrate" -> migrate(Tool.of(args[1]), Path.of(args[2]), args[3], args[4], Integer.parseInt(args[5]));
            case "graph" -> GraphWork.main(Path.of(args[1]), Integer.parseInt(args[2]));
            case "floor" -> GraphWork.floor(Path.of(args[1]));
            default -> throw new IllegalArgumentException("Unknown child operation " + args[0]);
        }
    }

    private static void migrate(Tool tool, Path dir, String url, String user, int warmRuns) throws Exception {
        String password = System.getenv(PASSWORD_VARIABLE);
        try (HikariDataSource dataSource = pool(url, user, password == null ? "" : password)) {
            try (Connection c = dataSource.getConnection()) {
                c.isValid(1);
            }
            long cpuStart = cpuNanos();
            long start = System.nanoTime();
            ToolRunner runner = ToolRunner.of(tool, Db.ofUrl(url));
            runner.migrate(dataSource, dir);
            long cold = System.nanoTime() - start;
            long coldCpu = cpuNanos() - cpuStart;
            long[] steps = runner.stepStarts();
            List<Long> warm = new ArrayList<>();
            for (int i = 0; i < warmRuns; i++) {
                long t = System.nanoTime();
                ToolRunner.of(tool, Db.ofUrl(url)).migrate(dataSource, dir);
                warm.add(System.nanoTime() - t);
            }
            long applied = runner.applied(dataSource);
            StringBuilder out = new StringBuilder("RESULT");
            out.append(" coldNanos=").append(cold);
            out.append(" coldCpuNanos=").append(coldCpu);
            if (steps.length > 0) {
                out.append(" firstStepNanos=").append(steps[0] - start);
            }
            if (steps.length > 1) {
                out.append(" stepNanos=").append(medianGap(steps));
                out.append(" meanStepNanos=").append((steps[steps.length - 1] - steps[0]) / (steps.length - 1));
                out.append(" afterLastStartNanos=").append(start + cold - steps[steps.length - 1]);
            }
            out.append(" warmNanos=");
            for (int i = 0; i < warm.size(); i++) {
                out.append(i == 0 ? "" : ",").append(warm.get(i));
            }
            out.append(" applied=").append(applied);
            out.append(" vmHwmKb=").append(peakRssKb());
            System.out.println(out);
        }
    }

    /** The median time from one migration's start to the next one's. */
    static long medianGap(long[] starts) {
        long[] gaps = new long[starts.length - 1];
        for (int i = 1; i < starts.length; i++) {
            gaps[i - 1] = starts[i] - starts[i - 1];
        }
        Arrays.sort(gaps);
        int n = gaps.length;
        return n % 2 == 1 ? gaps[n / 2] : (gaps[n / 2 - 1] + gaps[n / 2]) / 2;
    }

    static HikariDataSource pool(String url, String user, String password) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword(password);
        config.setMinimumIdle(1);
        config.setMaximumPoolSize(4);
        config.setPoolName("bench");
        return new HikariDataSource(config);
    }

    private static final com.sun.management.OperatingSystemMXBean OS = (com.sun.management.OperatingSystemMXBean)
            java.lang.management.ManagementFactory.getOperatingSystemMXBean();

    /**
     * CPU time of the whole process (all threads: the tool's, JIT compilers', GC), less disturbed than
     * wall time when other processes compete for the cores. Initialised before any clock starts.
     */
    static long cpuNanos() {
        return OS.getProcessCpuTime();
    }

    /** Peak resident set size of this process ({@code VmHWM}), or -1 where /proc is not there. */
    static long peakRssKb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.substring("VmHWM:".length()).replace("kB", "").trim());
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }

    /** Liquibase logs through java.util.logging; every tool's logging is silent. */
    private static void silenceJavaUtilLogging() {
        LogManager.getLogManager().reset();
        Logger.getLogger("").setLevel(Level.OFF);
    }
}
