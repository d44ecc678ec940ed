package io.samokoder.migrations.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Where the classes of Java revisions come from: the entries (class directories and jar files) that
 * are searched for the packages of {@code samokoder.migrations.java-packages}, and the class loader
 * that loads them (and reads {@code classpath:} script locations).
 *
 * @param loader loads the classes of the entries; the engine's classes must be its own (asked first)
 * @param entries the directories and jars searched, in order
 * @param searchLoader whether the loader's own class path (as {@link ClassLoader#getResources} sees it)
 *     is searched as well
 * @param missingEntryHint what a message about an entry that does not exist says to do, e.g.
 *     {@code "compile the project first"}
 */
public record JavaClassPath(ClassLoader loader, List<Path> entries, boolean searchLoader, String missingEntryHint) {

    /** Checks and copies. */
    public JavaClassPath {
        Objects.requireNonNull(loader, "loader");
        entries = List.copyOf(entries);
        Objects.requireNonNull(missingEntryHint, "missingEntryHint");
    }

    /** The class path of the command line itself, with no further entries. */
    static JavaClassPath own() {
        return new JavaClassPath(JavaClassPath.class.getClassLoader(), List.of(), true, "check --classpath");
    }
}
