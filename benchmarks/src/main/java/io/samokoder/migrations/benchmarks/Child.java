package io.samokoder.migrations.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Starts a measurement in a fresh JVM and collects its RESULT lines and its wall time. */
final class Child {

    /** What one child reported. */
    record Outcome(List<Map<String, String>> results, double processMillis) {
        Map<String, String> first() {
            return this.results.get(0);
        }
    }

    private final Path logDir;
    private final long timeoutSeconds;
    private final List<String> jvmArgs;
    private final java.util.concurrent.atomic.AtomicInteger counter = new java.util.concurrent.atomic.AtomicInteger();

    Child(Path logDir, long timeoutSeconds, List<String> jvmArgs) {
        this.logDir = logDir;
        this.timeoutSeconds = timeoutSeconds;
        this.jvmArgs = jvmArgs;
    }

    /** A child that was started: its process and where its output goes. */
    record Started(Process process, Path out, Path err, String[] args, long startNanos) {
    }

    Outcome run(String password, String... args) throws IOException, InterruptedException {
        return finish(start(password, args));
    }

    /** Starts a child without waiting for it ({@link #finish} waits; the caller may kill it first). */
    Started start(String password, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Dliquibase.analytics.enabled=false");
        command.add("-Dliquibase.showBanner=false");
        command.addAll(this.jvmArgs);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(ChildMain.class.getName());
        command.addAll(List.of(args));
        int number = this.counter.incrementAndGet();
        Path out = this.logDir.resolve("child-" + number + ".out");
        Path err = this.logDir.resolve("child-" + number + ".err");
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().put(ChildMain.PASSWORD_VARIABLE, password == null ? "" : password);
        builder.environment().put("REDGATE_DISABLE_TELEMETRY", "true");
        long start = System.nanoTime();
        return new Started(builder.start(), out, err, args, start);
    }

    /** Waits for a started child and reads its RESULT lines. */
    Outcome finish(Started started) throws IOException, InterruptedException {
        Process process = started.process();
        String[] args = started.args();
        boolean finished = process.waitFor(this.timeoutSeconds, TimeUnit.SECONDS);
        double millis = (System.nanoTime() - started.startNanos()) / 1e6;
        if (!finished) {
            process.destroyForcibly().waitFor();
            throw new ChildFailedException("timed out after " + this.timeoutSeconds + " s: " + describe(args));
        }
        List<Map<String, String>> results = new ArrayList<>();
        for (String line : Files.readAllLines(started.out(), StandardCharsets.UTF_8)) {
            if (line.startsWith("RESULT ")) {
                Map<String, String> fields = new HashMap<>();
                for (String pair : line.substring("RESULT ".length()).trim().split(" ")) {
                    int eq = pair.indexOf('=');
                    fields.put(pair.substring(0, eq), pair.substring(eq + 1));
                }
                results.add(fields);
            }
        }
        if (process.exitValue() != 0 || results.isEmpty()) {
            String stderr = Files.readString(started.err(), StandardCharsets.UTF_8);
            throw new ChildFailedException("failed (exit " + process.exitValue() + "): " + describe(args) + "\n"
                    + tail(stderr, 3000));
        }
        Files.deleteIfExists(started.out());
        Files.deleteIfExists(started.err());
        return new Outcome(results, millis);
    }

    private static String describe(String... args) {
        List<String> shown = new ArrayList<>();
        for (String a : args) {
            shown.add(a.startsWith("jdbc:") ? "<jdbc url>" : a);
        }
        return String.join(" ", shown);
    }

    private static String tail(String s, int max) {
        return s.length() <= max ? s : "..." + s.substring(s.length() - max);
    }

    /** A child that did not deliver a result. */
    static final class ChildFailedException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ChildFailedException(String message) {
            super("Measurement child " + message);
        }
    }
}
