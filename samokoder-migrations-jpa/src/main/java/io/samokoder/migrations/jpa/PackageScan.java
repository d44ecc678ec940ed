package io.samokoder.migrations.jpa;

import io.samokoder.migrations.classfile.ClassFileScan;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds the classes of some packages (and their sub-packages) that carry one of
 * {@link JpaModel#MAPPING_ANNOTATIONS}, in directories and jars, reading their class files: only the
 * classes found are loaded.
 */
final class PackageScan {

    private PackageScan() {
    }

    /**
     * The mapped classes of these packages, by name.
     *
     * @throws IllegalStateException when a package has no mapped class or cannot be read
     */
    static List<Class<?>> classes(ClassLoader loader, List<String> packages) {
        ClassFileScan scan = ClassFileScan.of(loader);
        List<Class<?>> classes = new ArrayList<>();
        for (String pkg : packages) {
            List<String> names;
            try {
                names = scan.classesIn(pkg, JpaModel.MAPPING_ANNOTATIONS);
            } catch (IOException e) {
                throw new IllegalStateException("Could not read the classes of package " + pkg + ": " + e.getMessage(),
                        e);
            }
            if (names.isEmpty()) {
                throw new IllegalStateException("Package " + pkg + " has no class annotated @Entity, @Embeddable,"
                        + " @MappedSuperclass or @Converter on the class path; check the package name");
            }
            for (String name : names) {
                classes.add(load(loader, name));
            }
        }
        return classes;
    }

    private static Class<?> load(ClassLoader loader, String name) {
        try {
            return Class.forName(name, false, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            throw new IllegalStateException("Entity class " + name + " could not be loaded: " + e, e);
        }
    }
}
