package io.samokoder.migrations.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Part D: starts the sample application's executable jar against a database already at head and
 * reads Spring Boot's own start-up line ({@code Started ... in X seconds (process running for Y)}),
 * then stops it.
 */
final class BootStartup {

    private static final Pattern STARTED = Pattern.compile(
            "Started \\S+ in ([0-9.]+) seconds \\(process running for ([0-9.]+)\\)");

    /** Seconds Spring reports: application start, and JVM uptime when ready. */
    record Times(double startedSeconds, double processSeconds) {
    }

    private BootStartup() {
    }

    /** The sample app's executable jar: the given path, or the one in sample-app/target. */
    static Path findJar(Path given) throws IOException {
        if (given != null) {
            if (!Files.isRegularFile(given)) {
                throw new IllegalArgumentException("No sample app jar at " + given);
            }
            return given;
        }
        Path target = Path.of("sample-app", "target");
        if (Files.isDirectory(target)) {
            try (DirectoryStream<Path> jars = Files.newDirectoryStream(target, "*.jar")) {
                for (Path jar : jars) {
                    String name = jar.getFileName().toString();
                    if (!name.endsWith("-plain.jar") && !name.endsWith(".original")) {
                        return jar;
                    }
                }
            }
        }
        return null;
    }

    static Times start(Path jar, BenchServer.Database db, boolean migrationsEnabled, long timeoutSeconds,
            List<String> jvmArgs) throws IOException, InterruptedException {
        Process process = launch(jar, db, jvmArgs, List.of("--server.port=0",
                "--samokoder.migrations.enabled=" + migrationsEnabled));
        try {
            return awaitStarted(process, timeoutSeconds, "migrations enabled=" + migrationsEnabled);
        } finally {
            stop(process);
        }
    }

    /** Starts the sample app's jar against the database, with these application arguments; output to read. */
    static Process launch(Path jar, BenchServer.Database db, List<String> jvmArgs, List<String> arguments)
            throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmArgs);
        command.add("-jar");
        command.add(jar.toString());
        command.add("--spring.datasource.url=" + db.url());
        command.add("--spring.datasource.username=" + db.user());
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("SPRING_DATASOURCE_PASSWORD", db.password());
        return builder.start();
    }

    /**
     * Reads the app's output until Spring Boot's start-up line, which it returns; afterwards the output is
     * drained on a thread of its own, so that the app never blocks on a full pipe.
     */
    static Times awaitStarted(Process process, long timeoutSeconds, String what) throws IOException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        List<String> tail = new ArrayList<>();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8));
        String line;
        while ((line = out.readLine()) != null) {
            Matcher m = STARTED.matcher(line);
            if (m.find()) {
                Thread drain = new Thread(() -> {
                    try {
                        while (out.readLine() != null) {
                            // discarded
                        }
                    } catch (IOException e) {
                        // the app ended
                    }
                }, "sample-app-output");
                drain.setDaemon(true);
                drain.start();
                return new Times(Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2)));
            }
            tail.add(line);
            if (tail.size() > 40) {
                tail.remove(0);
            }
            if (System.nanoTime() > deadline) {
                break;
            }
        }
        throw new Child.ChildFailedException("sample app did not report its start-up (" + what + "):\n"
                + String.join("\n", tail));
    }

    /** Stops the app, forcibly after 30 s. */
    static void stop(Process process) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
