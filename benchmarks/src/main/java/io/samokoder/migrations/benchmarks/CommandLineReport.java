package io.samokoder.migrations.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Renders part E: wall times per size and command, each tool a column, targets and growth beside them. */
final class CommandLineReport {

    /** One number read off a run. */
    @FunctionalInterface
    private interface Measure {
        double of(WholeProcess.Run run);
    }

    /**
     * Growth counts as linear while the added time per 1,000 revisions between the last two sizes is at
     * most this multiple of the one between the two before (noise and JIT warm-up make slopes wander;
     * a quadratic cost multiplies it by about the size ratio, 5 from 10,000 to 50,000).
     */
    static final double LINEAR_TOLERANCE = 1.5;

    private CommandLineReport() {
    }

    static void render(StringBuilder md, Options options, Results results) {
        List<CommandLinePart.Front> fronts = results.eFronts;
        List<CommandLinePart.Front> ours = new ArrayList<>();
        CommandLinePart.Front alembic = null;
        for (CommandLinePart.Front front : fronts) {
            if (front.alembic()) {
                alembic = front;
            } else {
                ours.add(front);
            }
        }
        md.append("### E. Command line: whole processes, no database\n\n");
        md.append("`heads`, `history` and `upgrade heads --sql` on part C's branched shape with four branch labels, and `--version` (no script ")
                .append("read: the start-up floor), each run a fresh process ")
                .append("(start to exit, output to /dev/null; checked once per size and tool beforehand, untimed). ")
                .append("Wall ms, median (min–max); samokoder ").append(options.reps()).append(" repetitions, Alembic ")
                .append(options.alembicReps()).append(" up to 10,000 revisions and 1 above. Growth: time at this N ÷ time at ")
                .append("the previous N, and the added wall (and CPU) ms per 1,000 more revisions (constant when growth is linear; ")
                .append("\"linear\" is met while the added ").append(results.eCpu ? "CPU" : "wall")
                .append(" ms per 1,000 grows at most ").append(LINEAR_TOLERANCE).append("× from one pair of sizes to the next).\n\n");
        StringBuilder head = new StringBuilder("| N | command |");
        StringBuilder rule = new StringBuilder("|---:|---|");
        for (CommandLinePart.Front front : fronts) {
            head.append(' ').append(front.label()).append(" ms |");
            rule.append("---:|");
        }
        if (alembic != null && !ours.isEmpty()) {
            head.append(" Alembic ÷ ").append(ours.get(0).label()).append(" |");
            rule.append("---:|");
        }
        head.append(" target | status |");
        rule.append("---|---|");
        for (CommandLinePart.Front front : fronts) {
            head.append(" growth ").append(front.label()).append(" |");
            rule.append("---:|");
        }
        md.append(head).append('\n').append(rule).append('\n');
        List<Integer> sizes = options.cliSizes();
        for (int i = 0; i < sizes.size(); i++) {
            int size = sizes.get(i);
            for (CommandLinePart.Command command : CommandLinePart.Command.values()) {
                md.append("| ").append(size).append(" | `").append(command.label()).append('`')
                        .append(command == CommandLinePart.Command.VERSION ? " (start-up floor)" : "").append(" |");
                for (CommandLinePart.Front front : fronts) {
                    md.append(' ').append(stats(results, size, command, front, WholeProcess.Run::wallMillis).format()).append(" |");
                }
                if (alembic != null && !ours.isEmpty()) {
                    double a = median(results, size, command, alembic);
                    double o = median(results, size, command, ours.get(0));
                    md.append(' ').append(Stats.ratio(a / o)).append(" |");
                }
                double target = command == CommandLinePart.Command.VERSION ? Double.NaN : CommandLinePart.targetMillis(size);
                md.append(' ').append(Double.isNaN(target) ? "" : "≤ " + Stats.num(target) + " ms").append(" |");
                List<String> verdicts = new ArrayList<>();
                for (CommandLinePart.Front front : ours) {
                    double o = median(results, size, command, front);
                    if (!Double.isNaN(target) && !Double.isNaN(o)) {
                        String verdict = Report.verdict(o <= target);
                        if (i >= 2) {
                            Measure m = linearMeasure(results);
                            double before = slope(results, sizes.get(i - 2), sizes.get(i - 1), command, front, m);
                            double now = slope(results, sizes.get(i - 1), size, command, front, m);
                            verdict += ", linear " + Report.verdict(now <= LINEAR_TOLERANCE * before);
                        }
                        verdicts.add((ours.size() > 1 ? front.label() + ": " : "") + verdict);
                    }
                }
                md.append(' ').append(String.join("; ", verdicts)).append(" |");
                for (CommandLinePart.Front front : fronts) {
                    boolean grows = i > 0 && command != CommandLinePart.Command.VERSION;
                    md.append(' ').append(grows ? growth(results, sizes.get(i - 1), size, command, front) : "").append(" |");
                }
                md.append('\n');
            }
        }
        md.append('\n');
        if (results.eCpu) {
            cpuTable(md, options, results);
        }
    }

    /** Process CPU time (user + system, all threads) and peak RSS, from GNU time: steadier than wall time under load. */
    private static void cpuTable(StringBuilder md, Options options, Results results) {
        md.append("CPU time (user + system, all threads, ms) and peak RSS (MB) of the same runs, medians:\n\n");
        StringBuilder head = new StringBuilder("| N | command |");
        StringBuilder rule = new StringBuilder("|---:|---|");
        for (CommandLinePart.Front front : results.eFronts) {
            head.append(' ').append(front.label()).append(" CPU ms | ").append(front.label()).append(" RSS MB |");
            rule.append("---:|---:|");
        }
        md.append(head).append('\n').append(rule).append('\n');
        for (int size : options.cliSizes()) {
            for (CommandLinePart.Command command : CommandLinePart.Command.values()) {
                md.append("| ").append(size).append(" | `").append(command.label()).append("` |");
                for (CommandLinePart.Front front : results.eFronts) {
                    md.append(' ').append(Stats.num(stats(results, size, command, front, WholeProcess.Run::cpuMillis).median()))
                            .append(" | ").append(Stats.num(stats(results, size, command, front, WholeProcess.Run::rssMb).median()))
                            .append(" |");
                }
                md.append('\n');
            }
        }
        md.append('\n');
    }

    private static String growth(Results results, int from, int to, CommandLinePart.Command command,
            CommandLinePart.Front front) {
        double a = median(results, from, command, front);
        double b = median(results, to, command, front);
        if (Double.isNaN(a) || Double.isNaN(b)) {
            return "";
        }
        String cpu = results.eCpu ? String.format(Locale.ROOT, "; CPU %+.1f",
                slope(results, from, to, command, front, WholeProcess.Run::cpuMillis)) : "";
        return Stats.ratio(b / a) + " for " + Stats.ratio((double) to / from) + " ("
                + String.format(Locale.ROOT, "%+.1f", slope(results, from, to, command, front, WholeProcess.Run::wallMillis))
                + " ms/1k" + cpu + ")";
    }

    /** Added ms (of the measure's median) per 1,000 more revisions between two sizes. */
    private static double slope(Results results, int from, int to, CommandLinePart.Command command,
            CommandLinePart.Front front, Measure measure) {
        return (stats(results, to, command, front, measure).median() - stats(results, from, command, front, measure).median())
                / ((to - from) / 1000.0);
    }

    /** The linear verdict uses CPU time where it is measured: wall time on a shared machine is too noisy for slopes. */
    private static Measure linearMeasure(Results results) {
        return results.eCpu ? WholeProcess.Run::cpuMillis : WholeProcess.Run::wallMillis;
    }

    private static double median(Results results, int size, CommandLinePart.Command command, CommandLinePart.Front front) {
        return stats(results, size, command, front, WholeProcess.Run::wallMillis).median();
    }

    private static Stats stats(Results results, int size, CommandLinePart.Command command, CommandLinePart.Front front,
            Measure measure) {
        List<Double> values = new ArrayList<>();
        for (WholeProcess.Run run : results.e.getOrDefault(Results.eKey(size, command, front), List.of())) {
            values.add(measure.of(run));
        }
        return Stats.of(values);
    }
}
