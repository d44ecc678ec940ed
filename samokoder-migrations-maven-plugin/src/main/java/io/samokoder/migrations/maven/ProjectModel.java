package io.samokoder.migrations.maven;

import io.samokoder.migrations.jpa.JpaModel;
import io.samokoder.migrations.schema.ModelSource;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.plugin.MojoFailureException;

/**
 * The project's JPA entities as the model that {@code revision -Dsamokoder.autogenerate} and {@code check}
 * compare, read from the {@link ProjectClasses}. Spring Boot's naming strategies are used when Spring Boot's
 * Hibernate support is on the project's class path.
 */
final class ProjectModel {

    private final List<String> packages;
    private final ModelSource source;

    private ProjectModel(ClassLoader loader, List<String> packages) {
        this.packages = List.copyOf(packages);
        this.source = JpaModel.ofPackages(loader, packages.toArray(String[]::new));
    }

    /**
     * The model of the given entity packages, else of the packages of {@code outputDirectory} that hold mapped
     * classes; {@code null} when none is given and the directory has no mapped class (or is not built yet).
     *
     * @param classes the project's classes, the output directory among them
     * @param outputDirectory the project's {@code target/classes}
     * @param entityPackages the packages to read, or empty to find them
     * @throws MojoFailureException when a mapped class is in the default package
     */
    static ProjectModel open(ProjectClasses classes, Path outputDirectory, List<String> entityPackages)
            throws MojoFailureException {
        List<String> packages = entityPackages.isEmpty() ? EntityPackages.find(outputDirectory) : entityPackages;
        if (packages.isEmpty()) {
            return null;
        }
        if (packages.contains("")) {
            throw new MojoFailureException("A JPA entity of " + outputDirectory + " is in the default package, which"
                    + " the model cannot read: move it into a package, or name the entity packages with"
                    + " -Dsamokoder.entityPackages=com.example.domain");
        }
        return new ProjectModel(classes.loader(), packages);
    }

    /** The model to hand to the workspace. */
    ModelSource source() {
        return this.source;
    }

    /** The packages read. */
    List<String> packages() {
        return this.packages;
    }
}
