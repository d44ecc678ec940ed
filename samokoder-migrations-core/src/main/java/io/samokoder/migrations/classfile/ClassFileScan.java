package io.samokoder.migrations.classfile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Finds the classes of a package that carry an annotation by reading their class files in directories
 * and jars: no class is loaded. A class counts when the annotation is on the class itself and visible at
 * run time ({@code RetentionPolicy.RUNTIME}); one on a field or method, or carried by another annotation
 * of the class (a meta-annotation), does not count. Immutable.
 */
public final class ClassFileScan {

    private final List<ClassSource> sources;

    private ClassFileScan(List<ClassSource> sources) {
        this.sources = List.copyOf(sources);
    }

    /**
     * The class path of a class loader, as {@link ClassLoader#getResources} gives each package's
     * directories and jars (a jar without an entry for the package's directory is not seen).
     */
    public static ClassFileScan of(ClassLoader loader) {
        return new ClassFileScan(List.of(new LoaderClasses(loader)));
    }

    /**
     * Class directories (roots of packages, such as {@code target/classes}) and jar files; each must
     * exist when the scan reads it.
     */
    public static ClassFileScan of(Collection<Path> entries) {
        List<ClassSource> sources = new ArrayList<>();
        for (Path entry : entries) {
            Objects.requireNonNull(entry, "entry");
            sources.add((packagePath, reader) -> entry(entry).read(packagePath, reader));
        }
        return new ClassFileScan(sources);
    }

    /** This scan's class files and then those of another scan. */
    public ClassFileScan and(ClassFileScan more) {
        List<ClassSource> both = new ArrayList<>(this.sources);
        both.addAll(more.sources);
        return new ClassFileScan(both);
    }

    /**
     * The classes of a package and its sub-packages that carry one of the annotations.
     *
     * @param packageName e.g. {@code com.example.domain}; empty for all packages
     * @param annotations the names of the annotation types, e.g. {@code jakarta.persistence.Entity}
     * @return the classes' binary names (as {@link Class#forName(String)} takes them, e.g.
     *     {@code com.example.Outer$Inner}), sorted, each once
     * @throws IOException when a directory or jar cannot be read, or a file is not a class file (the
     *     message names the file)
     */
    public List<String> classesIn(String packageName, Collection<String> annotations) throws IOException {
        String packagePath = packageName.replace('.', '/');
        Set<String> descriptors = annotations.stream().map(name -> "L" + name.replace('.', '/') + ";")
            .collect(Collectors.toUnmodifiableSet());
        Set<String> names = new TreeSet<>();
        for (ClassSource source : this.sources) {
            source.read(packagePath, (resource, where, bytes) -> {
                if (carriesAny(bytes, where, descriptors)) {
                    names.add(resource.substring(0, resource.length() - ".class".length()).replace('/', '.'));
                }
            });
        }
        return List.copyOf(names);
    }

    private static ClassSource entry(Path entry) throws IOException {
        if (Files.isDirectory(entry)) {
            return ClassDirectory.root(entry);
        }
        if (Files.isRegularFile(entry)) {
            return ClassJar.file(entry);
        }
        throw new IOException("class path entry " + entry + " is neither a directory nor a jar file");
    }

    private static boolean carriesAny(byte[] classFile, String where, Set<String> descriptors) throws IOException {
        Set<String> annotations;
        try {
            annotations = ClassFileAnnotations.of(classFile);
        } catch (IOException e) {
            throw new IOException(where + " is not a readable class file (" + e.getMessage() + ")", e);
        }
        return !Collections.disjoint(annotations, descriptors);
    }
}
