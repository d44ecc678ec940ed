package io.samokoder.migrations.cli;

import io.samokoder.migrations.MigrationConfigurationException;
import io.samokoder.migrations.classfile.ClassFileScan;
import io.samokoder.migrations.java.JavaRevision;
import io.samokoder.migrations.java.JavaRevisionException;
import io.samokoder.migrations.java.JavaRevisions;
import io.samokoder.migrations.java.Revision;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the Java revisions of {@code samokoder.migrations.java-packages} without Spring, by the
 * starter's rules: the classes of each package and its sub-packages annotated {@link Revision}
 * themselves, concrete, and top-level or static nested; one annotated that does not implement
 * {@link JavaRevision} is an error, a package without any is not (it is logged as a warning). Only
 * classes whose class file carries the annotation are loaded. Each revision is created with its
 * constructor without arguments.
 */
final class JavaRevisionScan {

    static final String PROPERTY = "samokoder.migrations.java-packages";

    private static final Set<String> ANNOTATION = Set.of(Revision.class.getName());

    private static final Logger LOG = LoggerFactory.getLogger(JavaRevisionScan.class);

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
        ClassFileScan scan = null;
        for (String raw : packages) {
            String name = JavaRevisions.checkPackage(raw, PROPERTY);
            if (scan == null) {
                scan = scan(classPath);
            }
            List<String> classNames = classNames(name, scan);
            if (classNames.isEmpty()) {
                LOG.warn("Package {} ({}) has no class annotated @Revision; it adds no Java revisions", name, PROPERTY);
            }
            for (String className : classNames) {
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

    /** The scan of the class path's entries (each must exist) and, where it says so, of its class loader. */
    private static ClassFileScan scan(JavaClassPath classPath) {
        for (Path entry : classPath.entries()) {
            if (!Files.isDirectory(entry) && !Files.isRegularFile(entry)) {
                throw new MigrationConfigurationException("Class path entry " + entry + " does not exist, so the"
                        + " Java revisions of " + PROPERTY + " cannot be searched there; "
                        + classPath.missingEntryHint());
            }
        }
        ClassFileScan scan = ClassFileScan.of(classPath.entries());
        return classPath.searchLoader() ? scan.and(ClassFileScan.of(classPath.loader())) : scan;
    }

    /** The names of the classes of the package and its sub-packages whose class file carries {@code @Revision}. */
    private static List<String> classNames(String packageName, ClassFileScan scan) {
        try {
            return scan.classesIn(packageName, ANNOTATION);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the classes of package " + packageName + " (" + PROPERTY
                    + "): " + e.getMessage(), e);
        }
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
        if (type.getDeclaredAnnotation(Revision.class) == null || type.isAnonymousClass() || type.isLocalClass()) {
            return null;
        }
        String leftOut = JavaRevisions.leftOutWarning(className, packageName, PROPERTY, type.isInterface(),
                Modifier.isAbstract(modifiers), type.isMemberClass() && !Modifier.isStatic(modifiers));
        if (leftOut != null) {
            LOG.warn(leftOut);
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
