package io.samokoder.migrations.cli;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The {@code --classpath} option: directories and jars separated by the platform's path separator,
 * as {@code java -cp} takes them ({@code DIR/*} is every jar of the directory). Their classes are
 * loaded by a class loader that asks the command line's own first, so that the engine's classes are
 * the command line's. Close it when the command ran.
 */
final class ClassPathOption implements AutoCloseable {

    private final URLClassLoader loader;
    private final JavaClassPath classPath;

    private ClassPathOption(List<Path> entries) {
        List<URL> urls = new ArrayList<>(entries.size());
        for (Path entry : entries) {
            try {
                urls.add(entry.toUri().toURL());
            } catch (MalformedURLException e) {
                throw new CliUsageException("--classpath entry " + entry + " is not a path: " + e.getMessage());
            }
        }
        this.loader = new URLClassLoader("samokoder-classpath", urls.toArray(URL[]::new),
                ClassPathOption.class.getClassLoader());
        this.classPath = new JavaClassPath(this.loader, entries, true, "check --classpath");
    }

    /**
     * The class path of the option's value.
     *
     * @throws CliUsageException when it is empty or an entry does not exist
     */
    static ClassPathOption open(String option) {
        List<Path> entries = new ArrayList<>();
        for (String part : option.split(File.pathSeparator)) {
            String element = part.strip();
            if (element.isEmpty()) {
                continue;
            }
            if (element.equals("*") || element.endsWith(File.separator + "*") || element.endsWith("/*")) {
                entries.addAll(jars(Path.of(element.substring(0, element.length() - 1))));
                continue;
            }
            Path entry = Path.of(element).toAbsolutePath().normalize();
            if (!Files.exists(entry)) {
                throw new CliUsageException("--classpath entry " + element + " does not exist; give the directories of"
                        + " the application's classes and its jar files, separated by '" + File.pathSeparator + "'");
            }
            entries.add(entry);
        }
        if (entries.isEmpty()) {
            throw new CliUsageException("--classpath is empty; give directories and jar files separated by '"
                    + File.pathSeparator + "', e.g. target/classes" + File.pathSeparator + "target/lib/*");
        }
        return new ClassPathOption(entries);
    }

    private static List<Path> jars(Path directory) {
        Path absolute = directory.toAbsolutePath().normalize();
        if (!Files.isDirectory(absolute)) {
            throw new CliUsageException("--classpath entry " + directory + File.separator + "* names no directory");
        }
        try (Stream<Path> files = Files.list(absolute)) {
            return files.filter(f -> f.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".jar")).sorted()
                .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + absolute + ": " + e.getMessage(), e);
        }
    }

    /** Where Java revisions are searched: these entries and the command line's own class path. */
    JavaClassPath classPath() {
        return this.classPath;
    }

    @Override
    public void close() {
        try {
            this.loader.close();
        } catch (IOException e) {
            // Only open jar files are closed; nothing to report after the command ran.
        }
    }
}
