package io.samokoder.migrations.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Part E: {@code heads}, {@code history} and {@code upgrade heads --sql} as whole processes, our CLI
 * beside Alembic, on the {@link BranchedGraph#withFewLabels} history of each size. None of them connects
 * to a database.
 *
 * <p>Per size, each tool first runs each command once with its output kept and checked (the right
 * heads, one history line and one {@code -- Running upgrade} block per revision); that run also warms
 * the page cache and Python's byte-code cache and is not timed, unless the tool runs only once at
 * that size. Then the repetitions, tools and commands interleaved, output to /dev/null.
 */
final class CommandLinePart {

    /** The commands timed, spelled the same for both tools; {@code --version} reads no script: the start-up floor. */
    enum Command {
        VERSION("--version"), HEADS("heads"), HISTORY("history"), UPGRADE_SQL("upgrade", "heads", "--sql");

        private final List<String> args;

        Command(String... args) {
            this.args = List.of(args);
        }

        String label() {
            return String.join(" ", this.args);
        }
    }

    /** A tool under test: the command line up to the tool's own arguments. */
    record Front(String label, boolean alembic, List<String> launch) {

        /** Our CLI from its jar ({@code java [jvmArgs] -jar}) or its launcher script. */
        static Front ours(Path cli, List<String> jvmArgs, boolean several) {
            String name = cli.getFileName().toString();
            if (name.endsWith(".jar")) {
                List<String> launch = new ArrayList<>();
                launch.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
                launch.addAll(jvmArgs);
                launch.addAll(List.of("-jar", cli.toAbsolutePath().toString()));
                return new Front(several ? "samokoder, java -jar" : "samokoder", false, launch);
            }
            return new Front(several ? "samokoder, launcher" : "samokoder", false, List.of(cli.toAbsolutePath().toString()));
        }

        static Front alembic(Path executable) {
            return new Front("Alembic " + alembicVersion(executable), true, List.of(executable.toString()));
        }

        List<String> command(Path scripts, Command command) {
            List<String> full = new ArrayList<>(this.launch);
            if (command == Command.VERSION) {
                full.addAll(command.args);
                return full;
            }
            if (this.alembic) {
                full.addAll(List.of("-c", scripts.resolve("alembic.ini").toString()));
            } else {
                full.addAll(List.of("--locations", "filesystem:" + scripts));
            }
            full.addAll(command.args);
            return full;
        }
    }

    /** The per-size targets of issue 10, in ms; none for other sizes. */
    static double targetMillis(int size) {
        return switch (size) {
            case 1_000 -> 600;
            case 10_000 -> 1_000;
            case 50_000 -> 3_000;
            default -> Double.NaN;
        };
    }

    private final Options options;
    private final Path work;
    private final Results results;
    private final WholeProcess process;

    CommandLinePart(Options options, Path work, Results results) throws IOException {
        this.options = options;
        this.work = work;
        this.results = results;
        this.process = new WholeProcess(Files.createTempDirectory(work, "cli-"), options.childTimeoutSeconds());
    }

    void run() throws IOException, InterruptedException {
        List<Front> fronts = fronts();
        this.results.eFronts.addAll(fronts);
        this.results.eCpu = this.process.measuresCpu();
        for (int size : this.options.cliSizes()) {
            List<BranchedGraph.Node> graph = BranchedGraph.withFewLabels(size);
            Set<String> heads = BranchedGraph.heads(graph);
            Path ours = GraphWork.write(this.work, "cli-graph-" + size, graph);
            Path alembic = null;
            List<Front> here = new ArrayList<>();
            for (Front front : fronts) {
                if (front.alembic() && size > this.options.alembicMaxN()) {
                    continue;
                }
                if (front.alembic() && alembic == null) {
                    alembic = AlembicScripts.write(this.work, "cli-alembic-" + size, graph);
                }
                here.add(front);
            }
            Set<String> failed = new HashSet<>();
            for (Command command : Command.values()) {
                for (Front front : here) {
                    BenchmarkMain.progress("E n=" + size + " check " + front.label() + " " + command.label());
                    WholeProcess.Run run = this.process.run(front.command(front.alembic() ? alembic : ours, command),
                            this.work, true);
                    String problem = check(run, command, size, heads);
                    if (problem != null) {
                        failed.add(front.label() + "/" + command);
                        this.results.notes.add("E, N=" + size + ", " + front.label() + ", `" + command.label() + "`: " + problem);
                    } else if (reps(front, size) == 1) {
                        // Run once (Alembic at 50,000: minutes): the checked run is the timed one.
                        this.results.e.computeIfAbsent(Results.eKey(size, command, front), k -> new ArrayList<>()).add(run);
                    }
                }
            }
            int reps = 0;
            for (Front front : here) {
                reps = Math.max(reps, reps(front, size));
            }
            for (int rep = 1; rep <= reps; rep++) {
                for (Command command : Command.values()) {
                    for (Front front : here) {
                        if (rep > reps(front, size) || reps(front, size) == 1
                                || failed.contains(front.label() + "/" + command)) {
                            continue;
                        }
                        BenchmarkMain.progress("E n=" + size + " rep " + rep + " " + front.label() + " " + command.label());
                        WholeProcess.Run run = this.process.run(front.command(front.alembic() ? alembic : ours, command),
                                this.work, false);
                        if (run.exit() != 0) {
                            failed.add(front.label() + "/" + command);
                            this.results.notes.add("E, N=" + size + ", " + front.label() + ", `" + command.label()
                                    + "`: exit " + run.exit() + " in repetition " + rep);
                            continue;
                        }
                        this.results.e.computeIfAbsent(Results.eKey(size, command, front), k -> new ArrayList<>()).add(run);
                    }
                }
            }
        }
    }

    /** Ours: --reps. Alembic: --alembic-reps up to 10,000 revisions, once above (minutes per command). */
    private int reps(Front front, int size) {
        if (!front.alembic()) {
            return this.options.reps();
        }
        return size > 10_000 ? 1 : this.options.alembicReps();
    }

    private List<Front> fronts() {
        List<Front> fronts = new ArrayList<>();
        List<Path> clis = this.options.clis();
        if (clis.isEmpty()) {
            Path standard = Path.of("samokoder-migrations-cli", "target", "samokoder-migrations-cli-0.1.0-SNAPSHOT.jar");
            if (Files.isRegularFile(standard)) {
                clis = List.of(standard);
            } else {
                this.results.notes.add("E: no CLI (build `samokoder-migrations-cli` or pass --cli); Alembic only.");
            }
        }
        for (Path cli : clis) {
            if (!Files.isRegularFile(cli)) {
                throw new IllegalArgumentException("No CLI jar or launcher at " + cli);
            }
            fronts.add(Front.ours(cli, this.options.jvmArgs(), clis.size() > 1));
        }
        Path alembic = this.options.alembic();
        if (alembic != null && Files.isExecutable(alembic)) {
            fronts.add(Front.alembic(alembic));
        } else if (alembic != null) {
            this.results.notes.add("E: no Alembic at " + alembic + " (Debian: python3-alembic); ours only.");
        }
        return fronts;
    }

    /** What is wrong with the output of a run, or null. */
    private static String check(WholeProcess.Run run, Command command, int size, Set<String> heads) {
        if (run.exit() != 0) {
            return "exit " + run.exit() + ": " + lastLine(run.stderr());
        }
        return switch (command) {
            case VERSION -> run.stdout().isBlank() ? "printed no version" : null;
            case HEADS -> {
                Set<String> printed = new LinkedHashSet<>();
                for (String line : run.stdout().split("\n")) {
                    if (!line.isBlank()) {
                        printed.add(line.trim().split(" ")[0]);
                    }
                }
                yield printed.equals(heads) ? null : "printed heads " + printed + ", expected " + heads;
            }
            case HISTORY -> {
                long lines = run.stdout().lines().filter(l -> l.contains(" -> ")).count();
                yield lines == size ? null : lines + " history lines, expected " + size;
            }
            case UPGRADE_SQL -> {
                long steps = run.stdout().lines().filter(l -> l.startsWith("-- Running upgrade ")).count();
                yield steps == size ? null : steps + " `-- Running upgrade` lines, expected " + size;
            }
        };
    }

    private static String lastLine(String text) {
        String trimmed = text == null ? "" : text.strip();
        int nl = trimmed.lastIndexOf('\n');
        return nl < 0 ? trimmed : trimmed.substring(nl + 1);
    }

    /** "1.8.1" from {@code alembic --version} ("alembic 1.8.1"), or "?". */
    private static String alembicVersion(Path executable) {
        try {
            Process p = new ProcessBuilder(executable.toString(), "--version").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).trim();
            p.waitFor();
            return out.startsWith("alembic ") ? out.substring("alembic ".length()) : "?";
        } catch (IOException e) {
            return "?";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "?";
        }
    }
}
