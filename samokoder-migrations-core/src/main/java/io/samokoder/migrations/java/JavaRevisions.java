package io.samokoder.migrations.java;

import io.samokoder.migrations.MigrationConfigurationException;
import io.samokoder.migrations.graph.InvalidRevisionIdException;
import io.samokoder.migrations.ops.NamingConvention;
import io.samokoder.migrations.script.Durations;
import io.samokoder.migrations.script.RevisionScript;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns {@link JavaRevision}s into revision scripts and places them in load order among the SQL
 * scripts.
 *
 * <p><b>Load order.</b> A Java revision's location is its package read as a class path directory
 * ({@code com.example.db.migrations} is {@code classpath:com/example/db/migrations}). Among the SQL
 * files of that location, it sorts by its class's simple name as if that were a file name; a Java
 * revision whose package is no configured location comes after every file, packages in name order,
 * then by simple name. Load order breaks ties as Alembic's does (which head is listed first).
 */
public final class JavaRevisions {

    /** The prefix of a Java revision's description: {@code java:} and the class name. */
    public static final String DESCRIPTION_PREFIX = "java:";

    private JavaRevisions() {
    }

    /**
     * The version that a Java revision's checksum declares ({@link Revision#version()}), or {@code null}
     * when the checksum covers its operations or is an SQL script's.
     */
    public static String declaredVersion(String checksum) {
        return checksum != null && checksum.startsWith(JavaRevisionCode.VERSION_PREFIX)
                ? checksum.substring(JavaRevisionCode.VERSION_PREFIX.length()) : null;
    }

    /**
     * The class that declares the revision: its own, or, for a proxy that a framework made of it (a Spring
     * bean with {@code @Transactional}, say: a generated subclass named with {@code $$}), the proxied class,
     * which carries the {@link Revision} annotation.
     */
    public static Class<?> declaringClass(JavaRevision revision) {
        Class<?> type = revision.getClass();
        while (!type.isAnnotationPresent(Revision.class) && type.getName().contains("$$")
                && type.getSuperclass() != null && type.getSuperclass() != Object.class) {
            type = type.getSuperclass();
        }
        return type;
    }

    /** The Java revision behind a script that {@link #load} made, if the script is one. */
    public static Optional<JavaRevision> revisionOf(RevisionScript script) {
        return script.code().filter(JavaRevisionCode.class::isInstance)
                .map(code -> ((JavaRevisionCode) code).revision());
    }

    /**
     * Checks one entry of a list of packages to scan for Java revisions: not empty, and a Java package name.
     *
     * @param entry    the entry as given
     * @param property the setting that gave it, named in the error (e.g. {@code samokoder.migrations.java-packages})
     * @return the entry without surrounding blanks
     * @throws MigrationConfigurationException naming the setting and the entry
     */
    public static String checkPackage(String entry, String property) {
        String name = entry == null ? "" : entry.strip();
        if (name.isEmpty()) {
            throw new MigrationConfigurationException(property + " contains an empty entry; remove it or name a"
                    + " package, e.g. com.example.db.migrations");
        }
        if (!PackageName.PATTERN.matcher(name).matches()) {
            throw new MigrationConfigurationException(property + ": '" + name + "' is not a Java package name;"
                    + " name packages separated by commas, e.g. com.example.db.migrations");
        }
        return name;
    }

    /**
     * The warning for a class of a scanned package that carries {@link Revision} but cannot be created on its
     * own, so the scan leaves it out; {@code null} for a class that can be a revision. The starter and the
     * command line word it alike.
     *
     * @param className the class's binary name
     * @param packageName the scanned package that holds it
     * @param property the setting that named the package (e.g. {@code samokoder.migrations.java-packages})
     * @param isInterface whether it is an interface
     * @param isAbstract whether it is abstract
     * @param isInner whether it is an inner class (a member class that is not static)
     */
    public static String leftOutWarning(String className, String packageName, String property, boolean isInterface,
            boolean isAbstract, boolean isInner) {
        String why;
        if (isInterface || isAbstract) {
            why = (isInterface ? "is an interface" : "is abstract") + ", so it is left out of the Java revisions;"
                    + " make it a concrete class";
        } else if (isInner) {
            why = "is an inner class (not static), which cannot be created on its own, so it is left out of the"
                    + " Java revisions; make it a static nested or top-level class";
        } else {
            return null;
        }
        return "Class " + className + " in package " + packageName + " (" + property + ") is annotated @Revision but "
                + why + ", or remove the annotation";
    }

    /**
     * The script of a Java revision: its {@link Revision} annotation read and checked, its
     * operations recorded.
     *
     * @param revision the revision
     * @param naming the naming convention for constraints and indexes
     * @throws JavaRevisionException naming the class when it has no or a bad annotation, or reads the
     *         database without a declared version
     */
    public static RevisionScript load(JavaRevision revision, NamingConvention naming) {
        Objects.requireNonNull(revision, "revision");
        Class<?> type = declaringClass(revision);
        Revision declared = type.getAnnotation(Revision.class);
        if (declared == null) {
            throw new JavaRevisionException(type.getName(), "it has no @Revision annotation; declare its id and"
                    + " parents, e.g. @Revision(id = \"3f2a9c1b7d4e\", revises = \"1c9d2e4f6a8b\", message = \"...\")",
                    null);
        }
        String id = declared.id().strip();
        if (id.isEmpty()) {
            throw new JavaRevisionException(type.getName(), "@Revision(id) is empty; give the revision a unique id,"
                    + " e.g. @Revision(id = \"3f2a9c1b7d4e\")", null);
        }
        check(type, id, "id");
        List<String> revises = list(type, declared.revises(), "revises");
        List<String> labels = list(type, declared.branchLabels(), "branchLabels");
        List<String> dependsOn = list(type, declared.dependsOn(), "dependsOn");
        String description = DESCRIPTION_PREFIX.concat(type.getName());
        io.samokoder.migrations.graph.Revision node = new io.samokoder.migrations.graph.Revision(id, revises,
                labels.isEmpty() ? Set.of() : Set.copyOf(labels), dependsOn, declared.message().strip(), description);
        JavaRevisionCode code = JavaRevisionCode.record(revision, declared.version().strip(), description,
                naming == null ? NamingConvention.DEFAULT : naming);
        String createDate = declared.createDate().isBlank() ? null : declared.createDate().strip();
        return RevisionScript.ofCode(node, description, createDate, declared.transactional(), declared.deferred(),
                declared.phase(), timeout(type, declared.lockTimeout(), "lockTimeout"),
                timeout(type, declared.statementTimeout(), "statementTimeout"), code);
    }

    /** The attribute's duration, {@code null} when it is empty. */
    private static Duration timeout(Class<?> type, String value, String attribute) {
        if (value.isBlank()) {
            return null;
        }
        Duration timeout = Durations.parse(value);
        if (timeout == null) {
            throw new JavaRevisionException(type.getName(), "@Revision(" + attribute + ") '" + value
                    + "' is not a timeout; " + Durations.FORMS, null);
        }
        return timeout;
    }

    /**
     * The attribute's values, stripped and checked, duplicates dropped; an unmodifiable list, which
     * the revision keeps without copying it again.
     */
    private static List<String> list(Class<?> type, String[] values, String attribute) {
        if (values.length == 0) {
            return List.of();
        }
        if (values.length == 1) {
            return List.of(value(type, values[0], attribute));
        }
        List<String> result = new ArrayList<>(values.length);
        for (String value : values) {
            String v = value(type, value, attribute);
            if (!result.contains(v)) {
                result.add(v);
            }
        }
        return List.copyOf(result);
    }

    private static String value(Class<?> type, String value, String attribute) {
        String v = value == null ? "" : value.strip();
        if (v.isEmpty()) {
            throw new JavaRevisionException(type.getName(), "@Revision(" + attribute + ") has an empty entry;"
                    + " remove it", null);
        }
        if (!attribute.equals("branchLabels")) {
            check(type, v, attribute);
        }
        return v;
    }

    private static void check(Class<?> type, String id, String attribute) {
        try {
            io.samokoder.migrations.graph.Revision.checkId(id);
        } catch (InvalidRevisionIdException e) {
            throw new JavaRevisionException(type.getName(), "@Revision(" + attribute + "): " + e.getMessage(), e);
        }
    }

    /**
     * The scripts in load order: the file scripts in their order, each Java script placed among the
     * files of its package's location by simple class name, the rest after them (see the class
     * documentation).
     *
     * @param files scripts loaded from files, in load order
     * @param java scripts made by {@link #load}, in any order
     */
    public static List<RevisionScript> arrange(List<RevisionScript> files, List<RevisionScript> java) {
        if (java.isEmpty()) {
            return files;
        }
        Map<String, List<RevisionScript>> byLocation = new LinkedHashMap<>();
        List<RevisionScript> sorted = new ArrayList<>(java);
        sorted.sort(new ByDescription());
        for (RevisionScript script : sorted) {
            String location = javaLocation(script);
            List<RevisionScript> here = byLocation.get(location);
            if (here == null) {
                here = new ArrayList<>();
                byLocation.put(location, here);
            }
            here.add(script);
        }
        List<RevisionScript> result = new ArrayList<>(files.size() + java.size());
        int i = 0;
        while (i < files.size()) {
            String location = fileLocation(files.get(i).description());
            int end = i;
            while (end < files.size() && Objects.equals(fileLocation(files.get(end).description()), location)) {
                end++;
            }
            List<RevisionScript> here = location == null ? null : byLocation.remove(location);
            if (here == null) {
                result.addAll(files.subList(i, end));
            } else {
                merge(result, files.subList(i, end), here);
            }
            i = end;
        }
        for (List<RevisionScript> rest : byLocation.values()) {
            result.addAll(rest);
        }
        return result;
    }

    private static void merge(List<RevisionScript> out, List<RevisionScript> files, List<RevisionScript> java) {
        int f = 0;
        int j = 0;
        while (f < files.size() || j < java.size()) {
            if (j >= java.size() || (f < files.size()
                    && fileName(files.get(f).description()).compareTo(simpleName(java.get(j))) <= 0)) {
                out.add(files.get(f++));
            } else {
                out.add(java.get(j++));
            }
        }
    }

    /** The class path directory of a file script's description, or {@code null} if not on the class path. */
    static String fileLocation(String description) {
        String path;
        if (description.startsWith("classpath:")) {
            path = description.substring("classpath:".length());
        } else if (description.startsWith("classpath*:")) {
            path = description.substring("classpath*:".length());
        } else {
            return null;
        }
        while (path.startsWith("/")) {
            path = path.substring(1);
        }
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }

    private static String fileName(String description) {
        int slash = description.lastIndexOf('/');
        return slash < 0 ? description.substring(description.indexOf(':') + 1) : description.substring(slash + 1);
    }

    private static String javaLocation(RevisionScript script) {
        String className = script.description().substring(DESCRIPTION_PREFIX.length());
        int dot = className.lastIndexOf('.');
        return dot < 0 ? "" : className.substring(0, dot).replace('.', '/');
    }

    private static String simpleName(RevisionScript script) {
        String className = script.description().substring(DESCRIPTION_PREFIX.length());
        return className.substring(Math.max(className.lastIndexOf('.'), className.lastIndexOf('$')) + 1);
    }

    /** Scripts by description (a class, not {@code Comparator.comparing}, whose lambda would spin a class). */
    private static final class ByDescription implements Comparator<RevisionScript> {

        @Override
        public int compare(RevisionScript a, RevisionScript b) {
            return a.description().compareTo(b.description());
        }
    }

    /** A Java package name; compiled on first use, not whenever a run arranges its scripts. */
    private static final class PackageName {

        static final Pattern PATTERN = Pattern.compile(
                "\\p{javaJavaIdentifierStart}\\p{javaJavaIdentifierPart}*(\\.\\p{javaJavaIdentifierStart}"
                        + "\\p{javaJavaIdentifierPart}*)*");

        private PackageName() {
        }
    }
}
