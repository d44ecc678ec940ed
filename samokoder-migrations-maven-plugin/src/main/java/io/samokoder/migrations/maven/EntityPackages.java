package io.samokoder.migrations.maven;

import io.samokoder.migrations.classfile.ClassFileScan;
import io.samokoder.migrations.jpa.JpaModel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The packages of a class directory ({@code target/classes}) that hold JPA-mapped classes: those whose class
 * file carries one of {@link JpaModel#MAPPING_ANNOTATIONS}. A package
 * inside another one found is left out, since the model reads sub-packages too. No class is loaded.
 */
final class EntityPackages {

    private EntityPackages() {
    }

    /**
     * The outermost packages with mapped classes, sorted; empty when the directory is missing or has none.
     *
     * @throws UncheckedIOException when a class file cannot be read
     */
    static List<String> find(Path classes) {
        if (!Files.isDirectory(classes)) {
            return List.of();
        }
        Set<String> packages = new TreeSet<>();
        try {
            for (String name : ClassFileScan.of(List.of(classes)).classesIn("", JpaModel.MAPPING_ANNOTATIONS)) {
                packages.add(name.substring(0, Math.max(name.lastIndexOf('.'), 0)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the classes in " + classes + ": " + e.getMessage(), e);
        }
        return outermost(packages);
    }

    /** Drops each package that is inside another one of the set. */
    static List<String> outermost(Set<String> sorted) {
        List<String> result = new ArrayList<>();
        for (String pkg : sorted) {
            if (result.stream().noneMatch(outer -> pkg.startsWith(outer + "."))) {
                result.add(pkg);
            }
        }
        return result;
    }
}
