package io.samokoder.migrations.plan;

import io.samokoder.migrations.graph.Revision;
import io.samokoder.migrations.graph.RevisionGraph;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.List;

/**
 * Not a test: a main program that builds graphs of 10k, 25k and 50k revisions shaped like a team's
 * history (a main line, feature branches forked and merged back, a few open branches, some
 * {@code depends_on}) and plans base to heads on each, printing the median wall-clock and CPU
 * time (and the minimum CPU time) of several runs per size for building the graph and for
 * planning. CPU time is this thread's, which is steadier than wall-clock time on a shared machine. Run from the module
 * directory after {@code mvn test-compile}:
 * {@code java -cp target/test-classes:target/classes:<slf4j-api.jar> io.samokoder.migrations.plan.GraphScaleBenchmark [repetitions]}.
 */
public final class GraphScaleBenchmark {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private GraphScaleBenchmark() {
    }

    /**
     * Runs the benchmark.
     *
     * @param args optional: repetitions per size (default 7)
     */
    public static void main(String[] args) {
        int repetitions = args.length > 0 ? Integer.parseInt(args[0]) : 7;
        int[] sizes = {10_000, 25_000, 50_000};
        for (int i = 0; i < 5; i++) {
            List<Revision> warmUp = RandomGraphs.teamHistory(1000 + i, 20_000);
            new Planner(RevisionGraph.of(warmUp)).upgrade(List.of(), "heads");
        }
        System.out.printf("%7s %7s %6s %14s %14s %14s %14s %13s %13s%n", "size", "steps", "heads",
                "build wall ms", "build cpu ms", "plan wall ms", "plan cpu ms", "min build cpu", "min plan cpu");
        for (int size : sizes) {
            List<Revision> revisions = RandomGraphs.teamHistory(size, size);
            double[] buildWall = new double[repetitions];
            double[] buildCpu = new double[repetitions];
            double[] planWall = new double[repetitions];
            double[] planCpu = new double[repetitions];
            int steps = 0;
            int heads = 0;
            for (int r = 0; r < repetitions; r++) {
                long w0 = System.nanoTime();
                long c0 = THREADS.getCurrentThreadCpuTime();
                RevisionGraph graph = RevisionGraph.of(revisions);
                long w1 = System.nanoTime();
                long c1 = THREADS.getCurrentThreadCpuTime();
                Plan plan = new Planner(graph).upgrade(List.of(), "heads");
                long w2 = System.nanoTime();
                long c2 = THREADS.getCurrentThreadCpuTime();
                buildWall[r] = (w1 - w0) / 1e6;
                buildCpu[r] = (c1 - c0) / 1e6;
                planWall[r] = (w2 - w1) / 1e6;
                planCpu[r] = (c2 - c1) / 1e6;
                steps = plan.steps().size();
                heads = graph.heads().size();
            }
            System.out.printf("%7d %7d %6d %14.1f %14.1f %14.1f %14.1f %13.1f %13.1f%n", size, steps, heads,
                    median(buildWall), median(buildCpu), median(planWall), median(planCpu), min(buildCpu),
                    min(planCpu));
        }
    }

    private static double min(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[0];
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
