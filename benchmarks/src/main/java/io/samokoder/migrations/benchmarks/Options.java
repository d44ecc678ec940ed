package io.samokoder.migrations.benchmarks;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Command-line options of {@link BenchmarkMain}. */
record Options(List<Integer> ns, int reps, int aReps, Set<String> parts, List<Tool> tools, List<Integer> graphSizes,
        List<String> graphSources, int warmRuns, Map<Tool, Integer> maxN, Path out, Path workDir, long childTimeoutSeconds, List<String> jvmArgs,
        Path sampleAppJar, List<Path> clis, List<Integer> cliSizes, Path alembic, int alembicReps, int alembicMaxN,
        String commandLine, Db db, boolean rotate, double latencyMillis, List<Integer> adds,
        boolean serverCommits, List<Integer> instances) {

    static final String USAGE = """
            Usage: java -jar benchmarks/target/benchmarks.jar [options]
              --parts A,...,I        parts to run (default A,B,C; D and I need the sample app's jar, E the CLI's)
              --db postgresql        the server for A and B: postgresql (default) or mariadb (SAMOKODER_BENCH_MARIADB_URL,
                                     default jdbc:mariadb://127.0.0.1:3306/, user root; D and I: PostgreSQL only)
              --n 100,1000,10000     migration counts for A, B, F, G, H and I (default 100,1000)
              --reps 5               repetitions, tools interleaved within each (default 5, at least 1)
              --order rotate         the tools' order within a repetition of A and B: rotate (default; shifted by
                                     one each repetition, so no tool always runs right after another's writes) or fixed
              --latency-ms 0         add this much to every round trip to the database, through a delaying proxy
                                     on the loopback (a server across a network; default 0: direct)
              --commits async        PostgreSQL: async (default) gives each new database synchronous_commit = off, so
                                     that no tool waits for the disk; server keeps the server's own setting
              --a-reps N             repetitions of A only (default: --reps), e.g. 1 at N=10000
              --add 1,20             F: migrations added on top of N applied, one measurement each per repetition
                                     (default 1,20)
              --instances 1,5,20     G: instances started together with one migration pending (default 1,5,20)
              --tools raw,ours,flyway,liquibase   tools to compare (raw is always run: ratios need it);
                                     ours_full: ours with the fast start off (B only);
                                     ours_java: ours with the same DDL as Java revisions (not in the default)
              --max-n flyway=1000,liquibase=1000  skip a tool above that N (for runs that must fit in time)
              --graph-sizes 10000,50000  revision counts for C (default 10000,50000)
              --graph-sources dir,jar    where C reads the scripts: a directory, a jar on the class path (default dir)
              --warm 10              warm no-op runs per B child, and warm passes per C child (default 10)
              --out FILE             also write the Markdown report to FILE
              --work-dir DIR         where generated migrations go (default: a temporary directory, deleted)
              --child-timeout 1800   seconds before a measurement child is killed (default 1800)
              --jvm-arg ARG          extra JVM argument for every child (repeatable)
              --sample-app-jar JAR   the sample app's executable jar for D and I (default: sample-app/target/*.jar)
              --cli JAR|LAUNCHER     our CLI for E, comma-separated to compare several (default:
                                     samokoder-migrations-cli/target/samokoder-migrations-cli-0.1.0-SNAPSHOT.jar)
              --cli-sizes 1000,10000,50000  revision counts for E (default 1000,10000,50000)
              --alembic PATH|none    Alembic's executable for E (default /usr/bin/alembic)
              --alembic-reps 3       repetitions of Alembic in E up to 10,000 revisions (once above; default 3)
              --alembic-max-n 10000  largest size E runs Alembic at (default 10000; 50000 takes minutes)
            Database: SAMOKODER_BENCH_JDBC_URL (default jdbc:postgresql://127.0.0.1:5432/postgres),
            SAMOKODER_BENCH_USER (postgres), SAMOKODER_BENCH_PASSWORD; the embedded PostgreSQL when unreachable.
            """;

    static Options parse(String[] args) {
        List<Integer> ns = List.of(100, 1000);
        int reps = 5;
        int aReps = -1;
        Set<String> parts = new LinkedHashSet<>(List.of("A", "B", "C"));
        // Java revisions are a comparison of their own (--tools ours,ours_java), not part of the default runs.
        List<Tool> tools = List.of(Tool.RAW, Tool.OURS, Tool.OURS_FULL, Tool.FLYWAY, Tool.LIQUIBASE);
        Db db = Db.POSTGRESQL;
        boolean rotate = true;
        double latency = 0;
        boolean serverCommits = false;
        List<Integer> instances = List.of(1, 5, 20);
        List<Integer> graphSizes = List.of(10_000, 50_000);
        List<String> graphSources = List.of("dir");
        int warm = 10;
        Map<Tool, Integer> maxN = new EnumMap<>(Tool.class);
        Path out = null;
        Path workDir = null;
        long timeout = 1800;
        List<String> jvmArgs = new ArrayList<>();
        Path sampleAppJar = null;
        List<Path> clis = new ArrayList<>();
        List<Integer> cliSizes = List.of(1_000, 10_000, 50_000);
        Path alembic = Path.of("/usr/bin/alembic");
        int alembicReps = 3;
        int alembicMaxN = 10_000;
        List<Integer> adds = List.of(1, 20);
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--help") || arg.equals("-h")) {
                System.out.println(USAGE);
                System.exit(0);
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("Option " + arg + " needs a value\n" + USAGE);
            }
            String value = args[++i];
            switch (arg) {
                case "--n" -> ns = ints(value);
                case "--db" -> db = Db.of(value);
                case "--reps" -> reps = Math.max(1, Integer.parseInt(value));
                case "--latency-ms" -> {
                    latency = Double.parseDouble(value);
                    if (!(latency >= 0 && latency <= 1000)) {
                        throw new IllegalArgumentException("--latency-ms takes milliseconds from 0 to 1000, not " + value);
                    }
                }
                case "--a-reps" -> aReps = Math.max(1, Integer.parseInt(value));
                case "--add" -> {
                    adds = ints(value);
                    if (adds.stream().anyMatch(k -> k < 1)) {
                        throw new IllegalArgumentException("--add takes counts of at least 1, not " + value);
                    }
                }
                case "--parts" -> {
                    parts = new LinkedHashSet<>();
                    for (String p : value.split(",")) {
                        String part = p.trim().toUpperCase(Locale.ROOT);
                        if (!List.of("A", "B", "C", "D", "E", "F", "G", "H", "I").contains(part)) {
                            throw new IllegalArgumentException("Unknown part " + p
                                    + "; use A, B, C, D, E, F, G, H or I");
                        }
                        parts.add(part);
                    }
                }
                case "--tools" -> {
                    Set<Tool> chosen = new LinkedHashSet<>();
                    chosen.add(Tool.RAW);
                    for (String t : value.split(",")) {
                        chosen.add(Tool.of(t));
                    }
                    List<Tool> ordered = new ArrayList<>();
                    for (Tool t : Tool.values()) {
                        if (chosen.contains(t)) {
                            ordered.add(t);
                        }
                    }
                    tools = List.copyOf(ordered);
                }
                case "--max-n" -> {
                    for (String pair : value.split(",")) {
                        String[] kv = pair.split("=");
                        if (kv.length != 2) {
                            throw new IllegalArgumentException("--max-n takes tool=N pairs, e.g. liquibase=1000");
                        }
                        maxN.put(Tool.of(kv[0]), Integer.parseInt(kv[1].trim()));
                    }
                }
                case "--graph-sizes" -> graphSizes = ints(value);
                case "--graph-sources" -> {
                    List<String> sources = new ArrayList<>();
                    for (String v : value.split(",")) {
                        String source = v.trim().toLowerCase(Locale.ROOT);
                        if (!source.equals("dir") && !source.equals("jar")) {
                            throw new IllegalArgumentException("Unknown graph source " + v + "; use dir or jar");
                        }
                        sources.add(source);
                    }
                    graphSources = List.copyOf(sources);
                }
                case "--warm" -> warm = Math.max(0, Integer.parseInt(value));
                case "--out" -> out = Path.of(value);
                case "--work-dir" -> workDir = Path.of(value);
                case "--child-timeout" -> timeout = Long.parseLong(value);
                case "--jvm-arg" -> jvmArgs.add(value);
                case "--sample-app-jar" -> sampleAppJar = Path.of(value);
                case "--cli" -> {
                    for (String c : value.split(",")) {
                        clis.add(Path.of(c.trim()));
                    }
                }
                case "--cli-sizes" -> cliSizes = ints(value);
                case "--alembic" -> alembic = value.equals("none") ? null : Path.of(value);
                case "--instances" -> instances = ints(value);
                case "--commits" -> serverCommits = switch (value) {
                    case "async" -> false;
                    case "server" -> true;
                    default -> throw new IllegalArgumentException("--commits takes async or server, not '" + value + "'");
                };
                case "--order" -> rotate = switch (value) {
                    case "rotate" -> true;
                    case "fixed" -> false;
                    default -> throw new IllegalArgumentException("--order takes rotate or fixed, not '" + value + "'");
                };
                case "--alembic-reps" -> alembicReps = Math.max(1, Integer.parseInt(value));
                case "--alembic-max-n" -> alembicMaxN = Integer.parseInt(value.replace("_", ""));
                default -> throw new IllegalArgumentException("Unknown option " + arg + "\n" + USAGE);
            }
        }
        if (db != Db.POSTGRESQL && (parts.contains("D") || parts.contains("I"))) {
            throw new IllegalArgumentException("Parts D and I (the sample app) run on PostgreSQL only; leave out --db,"
                    + " or D and I");
        }
        return new Options(ns, reps, aReps < 0 ? reps : aReps, parts, tools, graphSizes, graphSources, warm, maxN, out, workDir, timeout, List.copyOf(jvmArgs),
                sampleAppJar, List.copyOf(clis), cliSizes, alembic, alembicReps, alembicMaxN, String.join(" ", args), db, rotate, latency,
                adds, serverCommits, instances);
    }

    /** Whether a part that needs the database (all but C and E) is selected. */
    boolean needsDatabase() {
        return this.parts.contains("A") || this.parts.contains("B") || this.parts.contains("D")
                || this.parts.contains("F") || this.parts.contains("G") || this.parts.contains("H")
                || this.parts.contains("I");
    }

    /**
     * The tools in the order they run in repetition {@code rep} (from 1) of A and B: the selected order,
     * shifted left by {@code rep - 1} places when rotating.
     */
    List<Tool> toolsInRepetition(int rep) {
        if (!this.rotate || this.tools.isEmpty()) {
            return this.tools;
        }
        int shift = (rep - 1) % this.tools.size();
        List<Tool> order = new ArrayList<>(this.tools.subList(shift, this.tools.size()));
        order.addAll(this.tools.subList(0, shift));
        return List.copyOf(order);
    }

    boolean runs(Tool tool, int n) {
        Integer max = this.maxN.get(tool);
        return this.tools.contains(tool) && (max == null || n <= max);
    }

    private static List<Integer> ints(String value) {
        List<Integer> list = new ArrayList<>();
        for (String s : value.split(",")) {
            list.add(Integer.parseInt(s.trim().replace("_", "")));
        }
        return List.copyOf(list);
    }
}
