package io.samokoder.migrations.benchmarks;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs one command as a whole process and times it from start to exit, as a shell user waits for it.
 * Where GNU time is installed ({@code /usr/bin/time}) it wraps the command and also reports the
 * process's CPU time (user + system, 10 ms resolution) and peak RSS; wall time is our own clock.
 * {@code PYTHONDONTWRITEBYTECODE} and {@code PYTHONUNBUFFERED} are removed from its environment.
 */
final class WholeProcess {

    private static final Path GNU_TIME = Path.of("/usr/bin/time");

    /** One run: wall and CPU milliseconds, peak RSS in MB (NaN when unknown), exit status, output (when kept). */
    record Run(double wallMillis, double cpuMillis, double rssMb, int exit, String stdout, String stderr) {
    }

    private final Path scratch;
    private final long timeoutSeconds;
    private final boolean gnuTime = Files.isExecutable(GNU_TIME);

    WholeProcess(Path scratch, long timeoutSeconds) {
        this.scratch = scratch;
        this.timeoutSeconds = timeoutSeconds;
    }

    /** Whether CPU time and peak RSS are measured. */
    boolean measuresCpu() {
        return this.gnuTime;
    }

    /**
     * Runs {@code command} in {@code dir}; its output is kept when {@code keepOutput}, else discarded
     * to /dev/null (stderr too: Alembic logs each step there at INFO, as its generated ini says).
     */
    Run run(List<String> command, Path dir, boolean keepOutput) throws IOException, InterruptedException {
        Path times = this.scratch.resolve("time.txt");
        Path out = this.scratch.resolve("stdout.txt");
        Path err = this.scratch.resolve("stderr.txt");
        Files.deleteIfExists(times);
        List<String> full = new ArrayList<>();
        if (this.gnuTime) {
            full.addAll(List.of(GNU_TIME.toString(), "-q", "-f", "%U %S %M", "-o", times.toString()));
        }
        full.addAll(command);
        ProcessBuilder builder = new ProcessBuilder(full).directory(dir.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectOutput(keepOutput ? ProcessBuilder.Redirect.to(out.toFile()) : ProcessBuilder.Redirect.DISCARD)
                .redirectError(keepOutput ? ProcessBuilder.Redirect.to(err.toFile()) : ProcessBuilder.Redirect.DISCARD);
        // As on a user's machine: Python caches the scripts' byte code and buffers its output.
        builder.environment().remove("PYTHONDONTWRITEBYTECODE");
        builder.environment().remove("PYTHONUNBUFFERED");
        long start = System.nanoTime();
        Process process = builder.start();
        boolean finished = process.waitFor(this.timeoutSeconds, TimeUnit.SECONDS);
        double wall = (System.nanoTime() - start) / 1e6;
        if (!finished) {
            process.destroyForcibly().waitFor();
            throw new Child.ChildFailedException("timed out after " + this.timeoutSeconds + " s: " + String.join(" ", command));
        }
        double cpu = Double.NaN;
        double rss = Double.NaN;
        if (this.gnuTime && Files.isRegularFile(times)) {
            List<String> lines = Files.readAllLines(times, StandardCharsets.UTF_8);
            String[] fields = lines.isEmpty() ? new String[0] : lines.get(lines.size() - 1).trim().split(" ");
            if (fields.length == 3) {
                cpu = (Double.parseDouble(fields[0]) + Double.parseDouble(fields[1])) * 1000;
                rss = Long.parseLong(fields[2]) / 1024.0;
            }
        }
        String stdout = null;
        String stderr = null;
        if (keepOutput) {
            stdout = Files.readString(out, StandardCharsets.UTF_8);
            stderr = Files.readString(err, StandardCharsets.UTF_8);
            Files.delete(out);
            Files.delete(err);
        }
        return new Run(wall, cpu, rss, process.exitValue(), stdout, stderr);
    }
}
