package io.samokoder.migrations.benchmarks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Everything measured in one run. */
final class Results {

    /**
     * One repetition of one tool in A or B; in A, for a tool that reports its migrations' start times,
     * also the time to the first one's start, the median time from one start to the next, and the
     * time from the last start to the end (NaN otherwise).
     */
    record Sample(int rep, double millis, double cpuMillis, double warmMillis, double processMillis, double rssMb,
            double firstStepMillis, double stepMillis, double meanStepMillis, double afterLastStartMillis) {

        Sample(int rep, double millis, double cpuMillis, double warmMillis, double processMillis, double rssMb) {
            this(rep, millis, cpuMillis, warmMillis, processMillis, rssMb, Double.NaN, Double.NaN, Double.NaN,
                    Double.NaN);
        }
    }

    /** One repetition of C: stage times of the cold pass and medians of the warm passes. */
    record GraphSample(int rep, double[] cold, double coldCpu, double[] warm, double processMillis, double rssMb,
            double floorMillis) {
    }

    final Map<String, List<Sample>> a = new LinkedHashMap<>();
    final Map<String, List<Sample>> b = new LinkedHashMap<>();
    /** F: migrations added on top of N applied, by {@link #fKey}. */
    final Map<String, List<Sample>> f = new LinkedHashMap<>();
    final Map<String, List<GraphSample>> c = new LinkedHashMap<>();
    /** G: instances starting together, by {@link StormPart#key}. */
    final Map<String, List<StormPart.Sample>> g = new LinkedHashMap<>();
    /** H: the lock holder killed, by {@link KilledHolderPart#key}. */
    final Map<String, List<KilledHolderPart.Sample>> h = new LinkedHashMap<>();
    /** I: the endpoint and the health check, by N. */
    final Map<Integer, List<EndpointPart.Sample>> i = new LinkedHashMap<>();
    /** D: start-up times per repetition, migrations enabled (nothing pending) and disabled. */
    final List<BootStartup.Times> dEnabled = new ArrayList<>();
    final List<BootStartup.Times> dDisabled = new ArrayList<>();
    String dJar;
    /** E: whole-process runs per size, command and tool ({@link #eKey}); the tools in column order. */
    final Map<String, List<WholeProcess.Run>> e = new LinkedHashMap<>();
    final List<CommandLinePart.Front> eFronts = new ArrayList<>();
    boolean eCpu;
    final List<String> notes = new ArrayList<>();
    final String loadAtStart = Report.loadAverage();

    static String fKey(int n, int added, Tool tool) {
        return n + "/+" + added + "/" + tool.key();
    }

    static String eKey(int size, CommandLinePart.Command command, CommandLinePart.Front front) {
        return size + "/" + command + "/" + front.label();
    }

    /** One number read off a sample (wall time, CPU time, peak RSS, ...). */
    @FunctionalInterface
    interface Measure {
        double of(Sample sample);
    }

    static Stats stats(List<Sample> samples, Measure value) {
        List<Double> values = new ArrayList<>();
        if (samples != null) {
            for (Sample s : samples) {
                values.add(value.of(s));
            }
        }
        return Stats.of(values);
    }

    /** Per-repetition ratios tool/raw (each taken within one repetition), summarised. */
    static Stats ratio(List<Sample> tool, List<Sample> raw, Measure value) {
        List<Double> ratios = new ArrayList<>();
        if (tool != null && raw != null) {
            for (Sample t : tool) {
                for (Sample r : raw) {
                    if (r.rep() == t.rep()) {
                        ratios.add(value.of(t) / value.of(r));
                    }
                }
            }
        }
        return Stats.of(ratios);
    }
}
