package io.samokoder.migrations.maven;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The packages of a class directory ({@code target/classes}) that hold JPA-mapped classes: those whose class
 * file names {@code @Entity}, {@code @Embeddable}, {@code @MappedSuperclass} or {@code @Converter}. A package
 * inside another one found is left out, since the model reads sub-packages too. No class is loaded.
 */
final class EntityPackages {

    private static final List<String> MAPPING_DESCRIPTORS = List.of("Ljakarta/persistence/Entity;",
            "Ljakarta/persistence/Embeddable;", "Ljakarta/persistence/MappedSuperclass;",
            "Ljakarta/persistence/Converter;");

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
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path file : (Iterable<Path>) files.filter(EntityPackages::isClassFile)::iterator) {
                if (isMapped(Files.readAllBytes(file))) {
                    Path parent = classes.relativize(file).getParent();
                    packages.add(parent == null ? "" : parent.toString().replace(java.io.File.separatorChar, '.'));
                }
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

    private static boolean isClassFile(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(".class") && !name.equals("module-info.class") && !name.equals("package-info.class")
                && Files.isRegularFile(file);
    }

    /** Whether the class file's constant pool names a mapping annotation (its descriptor is stored as is). */
    private static boolean isMapped(byte[] classFile) {
        String text = new String(classFile, StandardCharsets.ISO_8859_1);
        return MAPPING_DESCRIPTORS.stream().anyMatch(text::contains);
    }
}
