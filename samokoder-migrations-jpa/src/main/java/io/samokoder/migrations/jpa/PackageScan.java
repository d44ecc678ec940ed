package io.samokoder.migrations.jpa;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Finds the classes of some packages (and their sub-packages) that carry {@code @Entity},
 * {@code @Embeddable}, {@code @MappedSuperclass} or {@code @Converter}, in directories and jars, reading
 * their class files: only the classes found are loaded.
 */
final class PackageScan {

    private static final Set<String> MAPPING_ANNOTATIONS = Set.of("Ljakarta/persistence/Entity;",
            "Ljakarta/persistence/Embeddable;", "Ljakarta/persistence/MappedSuperclass;",
            "Ljakarta/persistence/Converter;");

    private PackageScan() {
    }

    /**
     * The mapped classes of these packages, by name.
     *
     * @throws IllegalStateException when a package has no mapped class or cannot be read
     */
    static List<Class<?>> classes(ClassLoader loader, List<String> packages) {
        List<Class<?>> classes = new ArrayList<>();
        for (String pkg : packages) {
            Set<String> names = new TreeSet<>();
            try {
                String path = pkg.replace('.', '/');
                Enumeration<URL> roots = loader.getResources(path);
                while (roots.hasMoreElements()) {
                    scan(roots.nextElement(), path, names);
                }
            } catch (IOException | UncheckedIOException e) {
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

    private static void scan(URL root, String path, Set<String> names) throws IOException {
        URLConnection connection = root.openConnection();
        if (connection instanceof JarURLConnection jar) {
            jar.setUseCaches(false);
            try (JarFile file = jar.getJarFile()) {
                Enumeration<JarEntry> entries = file.entries();
                while (entries.hasMoreElements()) {
                    JarEntry entry = entries.nextElement();
                    if (entry.getName().startsWith(path + "/") && isClassFile(entry.getName())) {
                        try (InputStream in = file.getInputStream(entry)) {
                            check(entry.getName(), in.readAllBytes(), names);
                        }
                    }
                }
            }
        } else if ("file".equals(root.getProtocol())) {
            Path directory;
            try {
                directory = Path.of(root.toURI());
            } catch (URISyntaxException e) {
                throw new IOException("bad class path entry " + root, e);
            }
            try (Stream<Path> files = Files.walk(directory)) {
                for (Path file : files.filter(f -> isClassFile(f.toString())).toList()) {
                    String relative = directory.relativize(file).toString().replace('\\', '/');
                    check(path + "/" + relative, Files.readAllBytes(file), names);
                }
            }
        } else {
            throw new IOException("class path entry " + root + " is neither a directory nor a jar");
        }
    }

    private static boolean isClassFile(String name) {
        return name.endsWith(".class") && !name.endsWith("module-info.class") && !name.endsWith("package-info.class");
    }

    private static void check(String resource, byte[] bytes, Set<String> names) throws IOException {
        Set<String> annotations;
        try {
            annotations = ClassFileAnnotations.of(bytes);
        } catch (IOException e) {
            throw new IOException(resource + " is not a readable class file (" + e.getMessage() + ")", e);
        }
        if (annotations.stream().anyMatch(MAPPING_ANNOTATIONS::contains)) {
            names.add(resource.substring(0, resource.length() - ".class".length()).replace('/', '.'));
        }
    }

    private static Class<?> load(ClassLoader loader, String name) {
        try {
            return Class.forName(name, false, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            throw new IllegalStateException("Entity class " + name + " could not be loaded: " + e, e);
        }
    }
}
