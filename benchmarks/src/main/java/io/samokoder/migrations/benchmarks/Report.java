package io.samokoder.migrations.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Renders the results as Markdown, with the targets of issues 5, 10 and 11 beside the numbers. */
final class Report {

    /** Issue 11: applying takes at most raw JDBC's time, on PostgreSQL, at 1,000 and at 10,000 migrations. */
    static final double A_RATIO_TARGET = 1.0;
    static final double A_RSS_RATIO_TARGET = 1.5;
    static final double B_COLD_RATIO_TARGET = 2.0;
    static final double B_COLD_10K_TARGET_MS = 250;
    static final double C_50K_TARGET_MS = 1000;

    private Report() {
    }

    static String render(Options options, DatabaseServer server, Results results) {
        StringBuilder md = new StringBuilder();
        md.append("## Benchmark run ").append(Instant.now().truncatedTo(ChronoUnit.SECONDS)).append("\n\n");
        md.append("- Machine: ").append(machine()).append("; load average at start ").append(results.loadAtStart)
                .append(", at end ").append(loadAverage()).append(" (other processes share the cores: wall times are ")
                .append("noisy, CPU times and within-repetition ratios less so)\n");
        md.append("- Java: ").append(System.getProperty("java.vm.name")).append(' ')
                .append(System.getProperty("java.runtime.version")).append(" (children: default JVM options")
                .append(options.jvmArgs().isEmpty() ? "" : " + " + String.join(" ", options.jvmArgs())).append(")\n");
        if (server != null) {
            md.append("- Database: ").append(server.description()).append(", a fresh database per measurement, ")
                    .append(server.serverCommits() ? "server defaults\n" : "synchronous_commit=off\n");
            md.append("- Tools: samokoder (this build), Flyway ").append(Versions.FLYWAY)
                    .append(" + flyway-").append(server.db() == Db.POSTGRESQL ? "database-postgresql" : "mysql")
                    .append(", Liquibase ").append(Versions.LIQUIBASE)
                    .append(" (analytics off), raw JDBC; HikariCP pool, logging silent\n");
        }
        md.append("- Arguments: `").append(options.commandLine().isEmpty() ? "(defaults)" : options.commandLine())
                .append("`; ").append(options.reps()).append(" repetitions, tools interleaved")
                .append(options.rotate() ? " (order rotated each repetition); " : " (fixed order); ")
                .append("times in ms as median (min–max); × raw is the median of per-repetition ratios\n\n");
        if (!results.a.isEmpty()) {
            partA(md, options, results);
        }
        if (!results.b.isEmpty()) {
            partB(md, options, results);
        }
        if (!results.f.isEmpty()) {
            partF(md, options, results);
        }
        if (!results.g.isEmpty()) {
            StormPart.render(md, options, results);
        }
        if (!results.h.isEmpty()) {
            KilledHolderPart.render(md, options, results);
        }
        if (!results.c.isEmpty()) {
            partC(md, results);
        }
        if (!results.dEnabled.isEmpty()) {
            partD(md, results);
        }
        if (!results.e.isEmpty()) {
            CommandLineReport.render(md, options, results);
        }
        if (!results.i.isEmpty()) {
            EndpointPart.render(md, options, results);
        }
        if (!results.notes.isEmpty()) {
            md.append("### Notes\n\n");
            for (String note : results.notes) {
                md.append("- ").append(note).append('\n');
            }
            md.append('\n');
        }
        return md.toString();
    }

    private static void partA(StringBuilder md, Options options, Results results) {
        md.append("### A. Apply N migrations to an empty database\n\n");
        if (options.aReps() != options.reps()) {
            md.append(options.aReps()).append(" repetition(s) of A.\n\n");
        }
        md.append("Time from just before the tool's first class is used until its migrate call returns, in a fresh JVM; ")
                .append("CPU is the process CPU time over the same span (all threads: JIT and GC included); ")
                .append("peak RSS is the child JVM's VmHWM.\n\n");
        md.append("| N | tool | time ms | × raw | CPU ms | CPU × raw | peak RSS MB | RSS × raw | process ms | target |\n");
        md.append("|---:|---|---:|---:|---:|---:|---:|---:|---:|---|\n");
        for (int n : options.ns()) {
            List<Results.Sample> raw = results.a.get(n + "/" + Tool.RAW.key());
            for (Tool tool : options.tools()) {
                List<Results.Sample> s = results.a.get(n + "/" + tool.key());
                if (s == null) {
                    continue;
                }
                Stats ratio = Results.ratio(s, raw, Results.Sample::millis);
                Stats rssRatio = Results.ratio(s, raw, Results.Sample::rssMb);
                String target = "";
                if (tool == Tool.OURS && (n == 1000 || n == 10000) && options.db() == Db.POSTGRESQL) {
                    target = "time ≤ " + A_RATIO_TARGET + "× raw: " + verdict(ratio.median() <= A_RATIO_TARGET)
                            + "; RSS ≤ " + A_RSS_RATIO_TARGET + "× raw: " + verdict(rssRatio.median() <= A_RSS_RATIO_TARGET);
                }
                md.append("| ").append(n).append(" | ").append(tool.label()).append(" | ")
                        .append(Results.stats(s, Results.Sample::millis).format()).append(" | ")
                        .append(tool == Tool.RAW ? "1" : Stats.ratio(ratio.median())).append(" | ")
                        .append(Stats.num(Results.stats(s, Results.Sample::cpuMillis).median())).append(" | ")
                        .append(tool == Tool.RAW ? "1" : Stats.ratio(Results.ratio(s, raw, Results.Sample::cpuMillis).median()))
                        .append(" | ")
                        .append(Results.stats(s, Results.Sample::rssMb).format()).append(" | ")
                        .append(tool == Tool.RAW ? "1" : Stats.ratio(rssRatio.median())).append(" | ")
                        .append(Stats.num(Results.stats(s, Results.Sample::processMillis).median())).append(" | ")
                        .append(target).append(" |\n");
            }
        }
        md.append('\n');
        partASteps(md, options, results);
    }

    /**
     * The runs of A split at their migrations' start times, for the tools that report them: a wall
     * ratio mixes a tool's fixed cost with its cost per migration, and the server's spread hides a
     * change of a few per cent in it; the median gap between starts (about N values per run) does not.
     * The mean gap beside it keeps the slow migrations (a collection, compilations, the server's
     * checkpoints) that the median leaves out and the wall time does not.
     */
    private static void partASteps(StringBuilder md, Options options, Results results) {
        StringBuilder rows = new StringBuilder();
        for (int n : options.ns()) {
            List<Results.Sample> raw = results.a.get(n + "/" + Tool.RAW.key());
            for (Tool tool : options.tools()) {
                List<Results.Sample> s = results.a.get(n + "/" + tool.key());
                Stats step = Results.stats(s, Results.Sample::stepMillis);
                if (s == null || Double.isNaN(step.median())) {
                    continue;
                }
                rows.append("| ").append(n).append(" | ").append(tool.label()).append(" | ")
                        .append(Results.stats(s, Results.Sample::firstStepMillis).format()).append(" | ")
                        .append(step.format()).append(" | ")
                        .append(tool == Tool.RAW ? "1" : Stats.ratio(Results.ratio(s, raw, Results.Sample::stepMillis)
                                .median())).append(" | ")
                        .append(Results.stats(s, Results.Sample::meanStepMillis).format()).append(" | ")
                        .append(tool == Tool.RAW ? "1"
                                : Stats.ratio(Results.ratio(s, raw, Results.Sample::meanStepMillis).median()))
                        .append(" | ")
                        .append(Results.stats(s, Results.Sample::afterLastStartMillis).format()).append(" |\n");
            }
        }
        if (rows.length() == 0) {
            return;
        }
        md.append("The same runs split at the start of each migration (raw JDBC: its loop; ours: a listener): the time ")
                .append("from the start of the timing to the first migration's start, the median time from one ")
                .append("migration's start to the next (the cost per migration), the mean of the same (the slow ")
                .append("migrations included, which the median leaves out and the wall time does not), and the time ")
                .append("from the last migration's start to the end of the call. Flyway and Liquibase are not ")
                .append("split.\n\n");
        md.append("| N | tool | to first migration ms | per migration ms | per migration × raw | mean per migration ms")
                .append(" | mean × raw | last migration and after ms |\n");
        md.append("|---:|---|---:|---:|---:|---:|---:|---:|\n");
        md.append(rows).append('\n');
    }

    private static void partB(StringBuilder md, Options options, Results results) {
        md.append("### B. No-op start (database already at head)\n\n");
        md.append("Cold: first migrate call in a fresh JVM (tool class loading included, JVM start and pool creation ")
                .append("excluded). Warm: median of ").append(options.warmRuns())
                .append(" more calls in the same JVM, each with a new tool instance. ")
                .append("Process: whole child JVM, start to exit.\n\n");
        md.append("| N | tool | cold ms | cold × raw | cold CPU ms | CPU × raw | warm ms | warm × raw | process ms | peak RSS MB | target |\n");
        md.append("|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---|\n");
        for (int n : options.ns()) {
            List<Results.Sample> raw = results.b.get(n + "/" + Tool.RAW.key());
            for (Tool tool : options.tools()) {
                List<Results.Sample> s = results.b.get(n + "/" + tool.key());
                if (s == null) {
                    continue;
                }
                Stats cold = Results.stats(s, Results.Sample::millis);
                Stats ratio = Results.ratio(s, raw, Results.Sample::millis);
                Stats warmRatio = Results.ratio(s, raw, Results.Sample::warmMillis);
                String target = "";
                if (tool == Tool.OURS && n == 1000) {
                    target = "cold ≤ " + B_COLD_RATIO_TARGET + "× raw: " + verdict(ratio.median() <= B_COLD_RATIO_TARGET);
                } else if (tool == Tool.OURS && n == 10000) {
                    target = "cold ≤ " + Stats.num(B_COLD_10K_TARGET_MS) + " ms: "
                            + verdict(cold.median() <= B_COLD_10K_TARGET_MS);
                }
                md.append("| ").append(n).append(" | ").append(tool.label()).append(" | ")
                        .append(cold.format()).append(" | ")
                        .append(tool == Tool.RAW ? "1" : Stats.ratio(ratio.median())).append(" | ")
                        .append(Stats.num(Results.stats(s, Results.Sample::cpuMillis).median())).append(" | ")
                        .append(tool == Tool.RAW ? "1" : Stats.ratio(Results.ratio(s, raw, Results.Sample::cpuMillis).median()))
                        .append(" | ")
                        .append(Results.stats(s, Results.Sample::warmMillis).format()).append(" | ")
                        .append(tool == Tool.RAW ? "1" : Stats.ratio(warmRatio.median())).append(" | ")
                        .append(Results.stats(s, Results.Sample::processMillis).format()).append(" | ")
                        .append(Stats.num(Results.stats(s, Results.Sample::rssMb).median())).append(" | ")
                        .append(target).append(" |\n");
            }
        }
        md.append('\n');
    }

    private static void partF(StringBuilder md, Options options, Results results) {
        md.append("### F. A deploy on a long history: migrations added on top of N applied\n\n");
        md.append("Each tool's database is brought to N once; each repetition then adds each count of migrations on ")
                .append("top (cold, a fresh JVM each), the directory holding every migration applied so far and the ")
                .append("new ones, as a new build's does. Time as in A; to the first migration: from the start of the ")
                .append("timing to the first new migration's start (the tool's fixed cost on that history).\n\n");
        md.append("| N | added | tool | time ms | × raw | CPU ms | to first migration ms | peak RSS MB |\n");
        md.append("|---:|---:|---|---:|---:|---:|---:|---:|\n");
        for (int n : options.ns()) {
            for (int k : options.adds()) {
                List<Results.Sample> raw = results.f.get(Results.fKey(n, k, Tool.RAW));
                for (Tool tool : options.tools()) {
                    List<Results.Sample> s = results.f.get(Results.fKey(n, k, tool));
                    if (s == null) {
                        continue;
                    }
                    Stats first = Results.stats(s, Results.Sample::firstStepMillis);
                    md.append("| ").append(n).append(" | +").append(k).append(" | ").append(tool.label())
                            .append(" | ").append(Results.stats(s, Results.Sample::millis).format()).append(" | ")
                            .append(tool == Tool.RAW ? "1" : Stats.ratio(Results.ratio(s, raw, Results.Sample::millis)
                                    .median())).append(" | ")
                            .append(Stats.num(Results.stats(s, Results.Sample::cpuMillis).median())).append(" | ")
                            .append(Double.isNaN(first.median()) ? "" : first.format()).append(" | ")
                            .append(Stats.num(Results.stats(s, Results.Sample::rssMb).median())).append(" |\n");
                }
            }
        }
        md.append('\n');
    }

    private static void partC(StringBuilder md, Results results) {
        md.append("### C. Graph work alone (samokoder): scan + load scripts + build graph + heads + plan base→heads\n\n");
        md.append("Branched history: blocks of ten revisions with two parallel branches and a merge, a branch label and a ")
                .append("cross-block depends_on every 50 blocks, two heads. Cold: first pass in a fresh JVM; ")
                .append("warm: median of the later passes in the same JVM. Stage times are medians, in ms.\n\n");
        md.append("Read floor: listing and reading the same files (or jar entries) with plain JDK calls, nothing parsed, ")
                .append("in a fresh JVM: what any tool pays to look at every script.\n\n");
        md.append("| source | revisions | pass | scan | load | graph | heads | plan | total | read floor | CPU ms | peak RSS MB | target |\n");
        md.append("|---|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|\n");
        Map<String, Double> firstSize = new java.util.HashMap<>();
        Map<String, Double> firstTotal = new java.util.HashMap<>();
        for (Map.Entry<String, List<Results.GraphSample>> e : results.c.entrySet()) {
            String source = e.getKey().substring(0, e.getKey().indexOf(':'));
            int size = Integer.parseInt(e.getKey().substring(e.getKey().indexOf(':') + 1));
            for (String pass : List.of("cold", "warm")) {
                boolean cold = pass.equals("cold");
                if (!cold && e.getValue().get(0).warm() == null) {
                    continue;
                }
                md.append("| ").append(source).append(" | ").append(size).append(" | ").append(pass);
                Stats total = null;
                for (int stage = 0; stage < GraphWork.STAGES.size(); stage++) {
                    List<Double> values = new ArrayList<>();
                    for (Results.GraphSample s : e.getValue()) {
                        values.add((cold ? s.cold() : s.warm())[stage]);
                    }
                    Stats st = Stats.of(values);
                    if (stage == GraphWork.STAGES.size() - 1) {
                        total = st;
                        md.append(" | ").append(st.format());
                    } else {
                        md.append(" | ").append(Stats.num(st.median()));
                    }
                }
                List<Double> rss = new ArrayList<>();
                List<Double> cpu = new ArrayList<>();
                List<Double> floor = new ArrayList<>();
                for (Results.GraphSample s : e.getValue()) {
                    rss.add(s.rssMb());
                    cpu.add(s.coldCpu());
                    floor.add(s.floorMillis());
                }
                md.append(" | ").append(cold ? Stats.num(Stats.of(floor).median()) : "");
                md.append(" | ").append(cold ? Stats.num(Stats.of(cpu).median()) : "");
                md.append(" | ").append(cold ? Stats.num(Stats.of(rss).median()) : "");
                String target = "";
                if (cold && size == 50_000) {
                    target = "< " + Stats.num(C_50K_TARGET_MS) + " ms: " + verdict(total.median() < C_50K_TARGET_MS);
                }
                if (cold && firstSize.containsKey(source) && size != firstSize.get(source)) {
                    double growth = total.median() / firstTotal.get(source);
                    target += (target.isEmpty() ? "" : "; ") + "growth " + Stats.ratio(growth) + " for "
                            + Stats.ratio(size / firstSize.get(source)) + " revisions";
                }
                if (cold && !firstSize.containsKey(source)) {
                    firstSize.put(source, (double) size);
                    firstTotal.put(source, total.median());
                }
                md.append(" | ").append(target).append(" |\n");
            }
        }
        md.append('\n');
    }

    static final double D_OVERHEAD_TARGET = 0.05;

    private static void partD(StringBuilder md, Results results) {
        md.append("### D. Spring Boot start-up of the sample app (").append(results.dJar).append(")\n\n");
        md.append("Database already at head. Spring Boot's own figures: application start (\"Started ... in\") and JVM ")
                .append("uptime when started (\"process running for\"), in ms; enabled and disabled alternate.\n\n");
        md.append("| samokoder.migrations.enabled | start ms | JVM uptime ms | start vs disabled | target |\n");
        md.append("|---|---:|---:|---:|---|\n");
        int n = Math.min(results.dEnabled.size(), results.dDisabled.size());
        List<Double> ratios = new ArrayList<>();
        List<Double> onStart = new ArrayList<>();
        List<Double> onUptime = new ArrayList<>();
        List<Double> offStart = new ArrayList<>();
        List<Double> offUptime = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            BootStartup.Times on = results.dEnabled.get(i);
            BootStartup.Times off = results.dDisabled.get(i);
            ratios.add(on.startedSeconds() / off.startedSeconds() - 1);
            onStart.add(on.startedSeconds() * 1000);
            onUptime.add(on.processSeconds() * 1000);
            offStart.add(off.startedSeconds() * 1000);
            offUptime.add(off.processSeconds() * 1000);
        }
        Stats overhead = Stats.of(ratios);
        md.append("| true (nothing pending) | ").append(Stats.of(onStart).format()).append(" | ")
                .append(Stats.of(onUptime).format()).append(" | ")
                .append(String.format(java.util.Locale.ROOT, "%+.1f %%", overhead.median() * 100)).append(" | ≤ +5 %: ")
                .append(verdict(overhead.median() <= D_OVERHEAD_TARGET)).append(" |\n");
        md.append("| false | ").append(Stats.of(offStart).format()).append(" | ").append(Stats.of(offUptime).format())
                .append(" | | |\n\n");
    }

    /** The 1-minute load average, or "?" off Linux. */
    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException | RuntimeException e) {
            return "?";
        }
    }

    static String verdict(boolean met) {
        return met ? "**met**" : "**missed**";
    }

    private static String machine() {
        String cpu = "unknown CPU";
        long memKb = -1;
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    cpu = line.substring(line.indexOf(':') + 1).trim();
                    break;
                }
            }
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) {
                    memKb = Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | RuntimeException e) {
            // Not Linux: leave the defaults.
        }
        return cpu + ", " + Runtime.getRuntime().availableProcessors() + " cores"
                + (memKb > 0 ? ", " + (memKb / 1024 / 1024) + " GiB RAM" : "") + ", " + System.getProperty("os.name")
                + " " + System.getProperty("os.version");
    }
}
