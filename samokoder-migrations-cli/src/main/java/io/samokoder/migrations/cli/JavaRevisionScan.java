package io.samokoder.migrations.cli;

import io.samokoder.migrations.MigrationConfigurationException;
import io.samokoder.migrations.java.JavaRevision;
import io.samokoder.migrations.java.JavaRevisionException;
import io.samokoder.migrations.java.Revision;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Finds the Java revisions of {@code samokoder.migrations.java-packages} without Spring, by the
 * starter's rules: the classes of each package and its sub-packages annotated {@link Revision}
 * themselves, concrete, and top-level or static nested; one annotated that does not implement
 * {@link JavaRevision} is an error, a package without any is not. Only class files that name the
 * annotation are loaded. Each revision is created with its constructor without arguments.
 */
final class JavaRevisionScan {

    static final String PROPERTY = "samokoder.migrations.java-packages";

    private static final String ANNOTATION = "L" + Revision.class.getName().replace('.', '/') + ";";

    private static final Pattern PACKAGE = Pattern.compile(
            "\\p{javaJavaIdentifierStart}\\p{javaJavaIdentifierPart}*(\\.\\p{javaJavaIdentifierStart}"
                    + "\\p{javaJavaIdentifierPart}*)*");

    private JavaRevisionScan() {
    }

    /**
     * The revisions of the packages, in package order, each package's by class name; a class found
     * through two packages once.
     *
     * @throws MigrationConfigurationException for an empty or malformed package name, an entry that
     *     does not exist, or a class annotated {@code @Revision} that is no {@link JavaRevision}
     * @throws JavaRevisionException naming the class when it cannot be loaded or created
     */
    static List<JavaRevision> find(List<String> packages, JavaClassPath classPath) {
        List<JavaRevision> revisions = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String raw : packages) {
            String name = raw.strip();
            if (name.isEmpty()) {
                throw new MigrationConfigurationException(PROPERTY + " contains an empty entry; remove it or name a"
                        + " package, e.g. com.example.db.migrations");
            }
            if (!PACKAGE.matcher(name).matches()) {
                throw new MigrationConfigurationException(PROPERTY + ": '" + name + "' is not a Java package name;"
                        + " name packages separated by commas, e.g. com.example.db.migrations");
            }
            for (String className : classNames(name, classPath)) {
                if (seen.add(className)) {
                    Class<?> type = candidate(className, name, classPath.loader());
                    if (type != null) {
                        revisions.add(create(type));
                    }
                }
            }
        }
        return revisions;
    }

    /** The names of the classes of the package and its sub-packages whose class file names {@code @Revision}. */
    private static Set<String> classNames(String packageName, JavaClassPath classPath) {
        String path = packageName.replace('.', '/');
        Set<String> names = new TreeSet<>();
        try {
            for (Path entry : classPath.entries()) {
                if (Files.isDirectory(entry)) {
                    directory(entry.resolve(path), packageName, names);
                } else if (Files.isRegularFile(entry)) {
                    try (JarFile jar = new JarFile(entry.toFile())) {
                        jar(jar, path, names);
                    }
                } else {
                    throw new MigrationConfigurationException("Class path entry " + entry + " does not exist, so the"
                            + " Java revisions of " + PROPERTY + " cannot be searched there; "
                            + classPath.missingEntryHint());
                }
            }
            if (classPath.searchLoader()) {
                Enumeration<URL> urls = classPath.loader().getResources(path + "/");
                while (urls.hasMoreElements()) {
                    resource(urls.nextElement(), path, packageName, names);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the classes of package " + packageName + " (" + PROPERTY
                    + "): " + e.getMessage(), e);
        }
        return names;
    }

    private static void resource(URL url, String path, String packageName, Set<String> names) throws IOException {
        if (url.getProtocol().equals("file")) {
            try {
                directory(Path.of(url.toURI()), packageName, names);
            } catch (URISyntaxException | IllegalArgumentException e) {
                throw new IOException("Cannot read " + url + ": " + e.getMessage(), e);
            }
        } else if (url.getProtocol().equals("jar")) {
            URLConnection connection = url.openConnection();
            connection.setUseCaches(false);
            try (JarFile jar = ((JarURLConnection) connection).getJarFile()) {
                jar(jar, path, names);
            }
        }
    }

    private static void directory(Path directory, String packageName, Set<String> names) throws IOException {
        if (!Files.isDirectory(directory)) {
            return;
        }
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : (Iterable<Path>) files.filter(JavaRevisionScan::isClassFile)::iterator) {
                if (namesAnnotation(Files.readAllBytes(file))) {
                    String relative = directory.relativize(file).toString().replace(file.getFileSystem().getSeparator(),
                            ".");
                    names.add(packageName + "." + relative.substring(0, relative.length() - ".class".length()));
                }
            }
        }
    }

    private static void jar(JarFile jar, String path, Set<String> names) throws IOException {
        for (JarEntry entry : (Iterable<JarEntry>) jar.stream()::iterator) {
            String name = entry.getName();
            if (name.startsWith(path + "/") && isClassFile(name) && !entry.isDirectory()) {
                try (InputStream in = jar.getInputStream(entry)) {
                    if (namesAnnotation(in.readAllBytes())) {
                        names.add(name.substring(0, name.length() - ".class".length()).replace('/', '.'));
                    }
                }
            }
        }
    }

    private static boolean isClassFile(Path file) {
        return isClassFile(file.getFileName().toString()) && Files.isRegularFile(file);
    }

    private static boolean isClassFile(String name) {
        return name.endsWith(".class") && !name.endsWith("module-info.class") && !name.endsWith("package-info.class");
    }

    /** Whether the class file's constant pool holds the annotation's descriptor (stored as is). */
    private static boolean namesAnnotation(byte[] classFile) {
        return new String(classFile, StandardCharsets.ISO_8859_1).contains(ANNOTATION);
    }

    /** The class if it is a Java revision as the starter takes them, else {@code null}. */
    private static Class<?> candidate(String className, String packageName, ClassLoader loader) {
        Class<?> type;
        try {
            type = Class.forName(className, false, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            throw new JavaRevisionException(className, "it cannot be loaded (" + e + "); the classes it uses must be"
                    + " on the class path as well", e);
        }
        int modifiers = type.getModifiers();
        if (type.getDeclaredAnnotation(Revision.class) == null || type.isInterface() || Modifier.isAbstract(modifiers)
                || type.isAnonymousClass() || type.isLocalClass()
                || (type.isMemberClass() && !Modifier.isStatic(modifiers))) {
            return null;
        }
        if (!JavaRevision.class.isAssignableFrom(type)) {
            throw new MigrationConfigurationException("Class " + className + " in package " + packageName + " ("
                    + PROPERTY + ") is annotated @Revision but does not implement " + JavaRevision.class.getName()
                    + "; implement it, or remove the annotation");
        }
        return type;
    }

    private static JavaRevision create(Class<?> type) {
        Constructor<?> constructor;
        try {
            constructor = type.getDeclaredConstructor();
        } catch (NoSuchMethodException e) {
            String takes = Arrays.stream(type.getDeclaredConstructors())
                .map(c -> Arrays.stream(c.getParameterTypes()).map(Class::getName).collect(Collectors.joining(", ",
                        "(", ")")))
                .collect(Collectors.joining(" or "));
            throw new JavaRevisionException(type.getName(), "its constructor takes " + takes + ", but the standalone"
                    + " samokoder command and the Maven plugin create Java revisions with a constructor without"
                    + " arguments. Give it one, or, where the revision needs Spring beans, run the command in the"
                    + " packaged application's command mode, where Spring injects them: java -jar app.jar"
                    + " --samokoder.migrations.command=\"upgrade heads\"", null);
        }
        try {
            constructor.setAccessible(true);
            return (JavaRevision) constructor.newInstance();
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new JavaRevisionException(type.getName(), "its constructor failed: " + cause, cause);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new JavaRevisionException(type.getName(), "it cannot be created: " + e, e);
        }
    }
}
