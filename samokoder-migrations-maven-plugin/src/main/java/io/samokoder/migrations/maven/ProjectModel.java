package io.samokoder.migrations.maven;

import io.samokoder.migrations.jpa.JpaModel;
import io.samokoder.migrations.schema.ModelSource;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.MojoFailureException;

/**
 * The project's JPA entities as the model that {@code revision -Dsamokoder.autogenerate} and {@code check}
 * compare: the classes of the project's compile class path ({@code target/classes} and its dependencies),
 * loaded by a class loader of their own that asks the plugin's first, so that Hibernate and the JPA API are the
 * plugin's. Spring Boot's naming strategies are used when Spring Boot's Hibernate support is on the project's
 * class path. Close it after the command ran.
 */
final class ProjectModel implements AutoCloseable {

    private final URLClassLoader loader;
    private final List<String> packages;
    private final ModelSource source;

    private ProjectModel(URLClassLoader loader, List<String> packages) {
        this.loader = loader;
        this.packages = List.copyOf(packages);
        this.source = JpaModel.ofPackages(loader, packages.toArray(String[]::new));
    }

    /**
     * The model of the given entity packages, else of the packages of {@code outputDirectory} that hold mapped
     * classes; {@code null} when none is given and the directory has no mapped class (or is not built yet).
     *
     * @param classpath the project's compile class path elements, the output directory among them
     * @param outputDirectory the project's {@code target/classes}
     * @param entityPackages the packages to read, or empty to find them
     * @param parent the plugin's class loader
     * @throws MojoFailureException when a mapped class is in the default package
     */
    static ProjectModel open(List<String> classpath, Path outputDirectory, List<String> entityPackages,
            ClassLoader parent) throws MojoFailureException {
        List<String> packages = entityPackages.isEmpty() ? EntityPackages.find(outputDirectory) : entityPackages;
        if (packages.isEmpty()) {
            return null;
        }
        if (packages.contains("")) {
            throw new MojoFailureException("A JPA entity of " + outputDirectory + " is in the default package, which"
                    + " the model cannot read: move it into a package, or name the entity packages with"
                    + " -Dsamokoder.entityPackages=com.example.domain");
        }
        List<URL> urls = new ArrayList<>();
        for (String element : classpath) {
            try {
                urls.add(Path.of(element).toUri().toURL());
            } catch (MalformedURLException e) {
                throw new MojoFailureException("Class path element " + element + " is not a path: " + e.getMessage(),
                        e);
            }
        }
        return new ProjectModel(new URLClassLoader("samokoder-project", urls.toArray(URL[]::new), parent), packages);
    }

    /** The model to hand to the workspace. */
    ModelSource source() {
        return this.source;
    }

    /** The packages read. */
    List<String> packages() {
        return this.packages;
    }

    /** The class loader of the project's classes, for the thread that builds the model. */
    ClassLoader loader() {
        return this.loader;
    }

    @Override
    public void close() throws IOException {
        this.loader.close();
    }
}
