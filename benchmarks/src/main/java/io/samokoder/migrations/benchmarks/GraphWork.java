package io.samokoder.migrations.benchmarks;

import io.samokoder.migrations.graph.Revision;
import io.samokoder.migrations.graph.RevisionGraph;
import io.samokoder.migrations.script.RevisionScript;
import io.samokoder.migrations.script.ScriptLoader;
import io.samokoder.migrations.script.ScriptLocations;
import io.samokoder.migrations.script.ScriptResource;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;

/**
 * Part C: the graph work of a start-up with no database: list the scripts, load them (read and
 * parse headers), build the revision graph, ask for its heads, and plan base to heads.
 */
final class GraphWork {

    /** Stages, in order. */
    static final List<String> STAGES = List.of("scan", "load", "graph", "heads", "plan", "total");

    private GraphWork() {
    }

    /** Child entry: one cold pass, then {@code warmRuns} more; prints one RESULT line per pass. */
    static void main(Path source, int warmRuns) throws IOException {
        boolean jar = source.getFileName().toString().endsWith(".jar");
        ClassLoader loader = jar ? new URLClassLoader(new URL[] {source.toUri().toURL()}, null)
                : GraphWork.class.getClassLoader();
        String location = jar ? "classpath:" + JAR_DIRECTORY : "filesystem:" + source;
        for (int i = 0; i <= warmRuns; i++) {
            long cpu = ChildMain.cpuNanos();
            long[] nanos = run(location, loader);
            cpu = ChildMain.cpuNanos() - cpu;
            StringBuilder out = new StringBuilder("RESULT pass=" + (i == 0 ? "cold" : "warm"));
            for (int s = 0; s < STAGES.size(); s++) {
                out.append(' ').append(STAGES.get(s)).append('=').append(nanos[s]);
            }
            out.append(" cpu=").append(cpu);
            out.append(" vmHwmKb=").append(ChildMain.peakRssKb());
            System.out.println(out);
        }
    }

    /**
     * The floor of the scan and load stages: list the files and read their bytes with plain JDK calls,
     * nothing parsed. Prints one RESULT line with the nanoseconds.
     */
    static void floor(Path source) throws IOException {
        long t0 = System.nanoTime();
        long bytes = 0;
        if (source.getFileName().toString().endsWith(".jar")) {
            try (JarFile jar = new JarFile(source.toFile())) {
                Enumeration<JarEntry> entries = jar.entries();
                while (entries.hasMoreElements()) {
                    JarEntry entry = entries.nextElement();
                    if (!entry.isDirectory()) {
                        try (InputStream in = jar.getInputStream(entry)) {
                            bytes += in.readAllBytes().length;
                        }
                    }
                }
            }
        } else {
            List<Path> files = new ArrayList<>();
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(source, "*.sql")) {
                for (Path entry : entries) {
                    files.add(entry);
                }
            }
            for (Path file : files) {
                bytes += Files.readAllBytes(file).length;
            }
        }
        System.out.println("RESULT floor=" + (System.nanoTime() - t0) + " bytes=" + bytes);
    }

    /** The scripts of {@link #write} packed into a jar under {@value #JAR_DIRECTORY}, as an application ships them. */
    static Path jar(Path dir) {
        Path jar = dir.resolveSibling(dir.getFileName() + ".jar");
        if (Files.isRegularFile(jar)) {
            return jar;
        }
        Path tmp = dir.resolveSibling(dir.getFileName() + ".jar.tmp");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(tmp));
                DirectoryStream<Path> entries = Files.newDirectoryStream(dir, "*.sql")) {
            out.putNextEntry(new JarEntry("db/"));
            out.closeEntry();
            out.putNextEntry(new JarEntry(JAR_DIRECTORY + "/"));
            out.closeEntry();
            List<Path> files = new ArrayList<>();
            for (Path entry : entries) {
                files.add(entry);
            }
            files.sort(null);
            for (Path file : files) {
                out.putNextEntry(new JarEntry(JAR_DIRECTORY + "/" + file.getFileName()));
                out.write(Files.readAllBytes(file));
                out.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot pack " + dir + " into a jar", e);
        }
        try {
            Files.move(tmp, jar);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot move " + tmp, e);
        }
        return jar;
    }

    static final String JAR_DIRECTORY = "db/migrations";

    /** One pass; returns the nanoseconds of each stage and the total. */
    static long[] run(String location, ClassLoader loader) {
        long t0 = System.nanoTime();
        List<ScriptResource> resources = ScriptLocations.resolve(List.of(location), loader);
        long t1 = System.nanoTime();
        List<RevisionScript> scripts = ScriptLoader.load(resources);
        long t2 = System.nanoTime();
        List<Revision> revisions = new ArrayList<>(scripts.size());
        for (RevisionScript script : scripts) {
            revisions.add(script.revision());
        }
        RevisionGraph graph = RevisionGraph.of(revisions);
        long t3 = System.nanoTime();
        List<String> heads = graph.heads();
        long t4 = System.nanoTime();
        int steps = Planning.stepsToHeads(graph);
        long t5 = System.nanoTime();
        if (heads.isEmpty() || graph.size() != resources.size() || steps < 0) {
            throw new IllegalStateException("The graph of " + location + " came out wrong: " + graph.size() + " revisions, "
                    + heads.size() + " heads, " + steps + " steps");
        }
        return new long[] {t1 - t0, t2 - t1, t3 - t2, t4 - t3, t5 - t4, t5 - t0};
    }

    /**
     * Writes the {@link BranchedGraph} of {@code size} revisions as our SQL scripts, one file per
     * revision, into {@code root/graph-<size>} (kept and reused when it exists).
     */
    static Path write(Path root, int size) {
        return write(root, "graph-" + size, BranchedGraph.of(size));
    }

    /** Writes {@code nodes} as our SQL scripts into {@code root/name} (kept and reused when it exists). */
    static Path write(Path root, String name, List<BranchedGraph.Node> nodes) {
        Path dir = root.resolve(name);
        if (Files.isDirectory(dir)) {
            return dir;
        }
        try {
            Path tmp = Files.createDirectories(root.resolve(name + ".tmp"));
            for (BranchedGraph.Node node : nodes) {
                write(tmp, node);
            }
            Files.move(tmp, dir);
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the graph workload under " + root, e);
        }
    }

    private static void write(Path dir, BranchedGraph.Node node) throws IOException {
        int i = node.index();
        StringBuilder text = new StringBuilder();
        text.append("-- revision ").append(i).append('\n').append("--\n");
        text.append("-- Revision ID: ").append(node.id()).append('\n');
        text.append("-- Revises: ").append(String.join(", ", node.revises())).append('\n');
        text.append("-- Create Date: 2026-11-29 00:00:00\n");
        if (node.label() != null) {
            text.append("-- Branch Labels: ").append(node.label()).append('\n');
        }
        if (node.dependsOn() != null) {
            text.append("-- Depends On: ").append(node.dependsOn()).append('\n');
        }
        text.append("\n-- migrate:upgrade\n").append(Db.POSTGRESQL.sql(i));
        text.append("\n-- migrate:downgrade\nDROP TABLE t_").append(i).append(";\n");
        Files.writeString(dir.resolve(String.format("%06d_%s.sql", i, node.id())), text, StandardCharsets.UTF_8);
    }
}
