package io.samokoder.migrations.maven;

import io.samokoder.migrations.cli.JavaClassPath;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.maven.plugin.MojoFailureException;

/**
 * The project's classes: {@code target/classes} and its compile and runtime dependencies, loaded by a class
 * loader of their own that asks the plugin's first, so that the engine, Hibernate and the JPA API are the
 * plugin's. The Java revisions of {@code samokoder.migrations.java-packages} and the JPA model are read from
 * them. Nothing is opened until a class is loaded; close it after the command ran.
 */
final class ProjectClasses implements AutoCloseable {

    private final URLClassLoader loader;
    private final List<Path> entries;

    private ProjectClasses(URLClassLoader loader, List<Path> entries) {
        this.loader = loader;
        this.entries = List.copyOf(entries);
    }

    /**
     * The classes of these class path elements, in order, each once.
     *
     * @param elements the project's class path elements (the output directory first, then the dependencies)
     * @param parent the plugin's class loader
     * @throws MojoFailureException when an element is no path
     */
    static ProjectClasses open(List<String> elements, ClassLoader parent) throws MojoFailureException {
        Set<Path> entries = new LinkedHashSet<>();
        for (String element : elements) {
            entries.add(Path.of(element).toAbsolutePath().normalize());
        }
        List<URL> urls = new ArrayList<>(entries.size());
        for (Path entry : entries) {
            try {
                urls.add(entry.toUri().toURL());
            } catch (MalformedURLException e) {
                throw new MojoFailureException("Class path element " + entry + " is not a path: " + e.getMessage(), e);
            }
        }
        return new ProjectClasses(new URLClassLoader("samokoder-project", urls.toArray(URL[]::new), parent),
                List.copyOf(entries));
    }

    /** The class loader of the project's classes. */
    ClassLoader loader() {
        return this.loader;
    }

    /** Where the workspace finds the project's Java revisions: these entries only, loaded by this loader. */
    JavaClassPath javaClassPath(String goal) {
        return new JavaClassPath(this.loader, this.entries, false, "compile the project first: mvn compile"
                + " samokoder-migrations:" + goal);
    }

    @Override
    public void close() throws IOException {
        this.loader.close();
    }
}
