package io.samokoder.migrations.script;

import java.io.IOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * Finds revision script files in configured locations.
 *
 * <p>A location is {@code classpath:<path>} (the default when there is no prefix) or
 * {@code filesystem:<directory>}. The {@code *.sql} files directly in it are scripts (not those in
 * sub-directories; names starting with {@code .} are skipped; an entry named {@code *.sql} must be a
 * file: a directory so named fails when the scripts are read). A class path location is looked up in
 * every class path root that has it, directories and jars alike, and jars must list the directory
 * as an entry (Maven and Gradle jars do). Within one location the files are sorted by file name,
 * across roots too; locations come in the given order.
 */
public final class ScriptLocations {

    /** The prefix of a class path location. */
    public static final String CLASSPATH_PREFIX = "classpath:";

    /** The prefix of a file system location. */
    public static final String FILESYSTEM_PREFIX = "filesystem:";

    private static final Comparator<ScriptResource> BY_FILE_NAME = new ByFileName();

    /** A plain class rather than a method reference: nothing to bootstrap on a cold start. */
    private static final class ByFileName implements Comparator<ScriptResource> {
        @Override
        public int compare(ScriptResource a, ScriptResource b) {
            return a.fileName().compareTo(b.fileName());
        }
    }

    private ScriptLocations() {
    }

    /**
     * Lists the script files of each location, in order.
     *
     * @param locations the locations, e.g. {@code classpath:db/migrations} or {@code filesystem:/srv/migrations}
     * @param classLoader the class loader whose class path {@code classpath:} locations are searched
     * @return the scripts; a class path location that no root has contributes nothing
     * @throws ScriptLocationException if a {@code filesystem:} location is not a directory, or a location
     *     has an unknown prefix or cannot be listed
     * @throws java.io.UncheckedIOException if a script in a jar cannot be read (scripts in jars are read
     *     while the jar is open for listing)
     */
    public static List<ScriptResource> resolve(List<String> locations, ClassLoader classLoader) {
        List<ScriptResource> all = new ArrayList<>();
        for (String location : locations) {
            ScriptCollector found = new ScriptCollector();
            walk(location, classLoader, found);
            found.resources.sort(BY_FILE_NAME);
            all.addAll(found.resources);
        }
        return List.copyOf(all);
    }

    /**
     * Lists the script files of each location as {@link #resolve} does, keeping what their fingerprint
     * needs so that it can be taken after they were read ({@link ScriptListing#fingerprint()}): one
     * listing serves both the load and the fast start.
     *
     * @param locations the locations, as for {@link #resolve}
     * @param classLoader the class loader whose class path {@code classpath:} locations are searched
     * @return the listing
     * @throws ScriptLocationException as {@link #resolve} does
     * @throws java.io.UncheckedIOException as {@link #resolve} does
     */
    public static ScriptListing list(List<String> locations, ClassLoader classLoader) {
        return list(locations, classLoader, SETTLE_SECONDS * 1_000_000_000L);
    }

    /** {@link #list(List, ClassLoader)} trusting files changed more than {@code settleNanos} before the listing. */
    static ScriptListing list(List<String> locations, ClassLoader classLoader, long settleNanos) {
        long settledBefore = ScriptStamps.now() - settleNanos;
        List<ScriptResource> all = new ArrayList<>();
        List<ScriptStamps.Stamps> stamps = new ArrayList<>(locations.size());
        for (String location : locations) {
            ScriptCollector.Stamping found = new ScriptCollector.Stamping();
            walk(location, classLoader, found);
            found.resources.sort(BY_FILE_NAME);
            all.addAll(found.resources);
            stamps.add(found.stamps);
        }
        return new ScriptListing(List.copyOf(locations), List.copyOf(all), stamps, settledBefore);
    }

    /**
     * A fingerprint of the scripts that {@link #resolve} would return, taken without reading them:
     * from each file's name, size, modification time, change time (ctime, where the platform has
     * it) and file key, and from each jar entry's name, size and CRC-32 (which the jar's directory
     * holds). Equal fingerprints mean, short of a deliberate collision, that the scripts are
     * unchanged: tools that set modification times back (reproducible builds, archive extraction)
     * cannot set the change time, and every rewrite moves it. The hash is not cryptographic.
     *
     * <p>A file modified or changed less than {@value #SETTLE_SECONDS} seconds ago (or in the future)
     * makes the fingerprint {@code null}: it could be rewritten within the same time-stamp tick, and
     * such a change must not go unseen.
     *
     * @param locations the locations, as for {@link #resolve}
     * @param classLoader the class loader whose class path {@code classpath:} locations are searched
     * @return 32 hex digits, or {@code null} when a script cannot be stamped without reading it (a
     *     jar entry without a recorded CRC, a class path root that is neither a directory nor a jar,
     *     a file changed just now)
     * @throws ScriptLocationException as {@link #resolve} does
     */
    public static String fingerprint(List<String> locations, ClassLoader classLoader) {
        return fingerprint(locations, classLoader, SETTLE_SECONDS * 1_000_000_000L);
    }

    /**
     * {@link #fingerprint(List, ClassLoader)}, stopping early once {@code cancel} is set: for a
     * fingerprint taken ahead, in case it is wanted, that the caller may find it does not need.
     *
     * @return as {@link #fingerprint(List, ClassLoader)}, or {@code null} when cancelled
     */
    public static String fingerprint(List<String> locations, ClassLoader classLoader, AtomicBoolean cancel) {
        return ScriptStamps.fingerprint(locations, classLoader, SETTLE_SECONDS * 1_000_000_000L, cancel);
    }

    /**
     * The stamp of one script file for {@link ScriptResource#stamp()}: its size, modification time,
     * change time (ctime, where the platform has it) and file key, read with one {@code stat}.
     *
     * @return the stamp, or {@code null} when the file cannot be read or was modified or changed
     *     less than {@value #SETTLE_SECONDS} seconds ago
     */
    public static String fileStamp(Path file) {
        return ScriptStamps.fileStamp(file, SETTLE_SECONDS * 1_000_000_000L);
    }

    /**
     * A fingerprint of scripts given as resources, from each one's file name, description and
     * {@link ScriptResource#stamp()}, in the given order.
     *
     * @return 32 hex digits, or {@code null} when a resource has no stamp
     */
    public static String fingerprint(List<? extends ScriptResource> resources) {
        return ScriptStamps.fingerprintOf(resources);
    }

    /** {@link #fingerprint(List, ClassLoader)} trusting files changed more than {@code settleNanos} ago. */
    static String fingerprint(List<String> locations, ClassLoader classLoader, long settleNanos) {
        return ScriptStamps.fingerprint(locations, classLoader, settleNanos);
    }

    /** How old a file's modification and change times must be before its stamp is trusted. */
    static final int SETTLE_SECONDS = 2;

    /** Lists the scripts of one location into the sink, in listing order. */
    static void walk(String location, ClassLoader classLoader, Sink sink) {
        if (location.startsWith(FILESYSTEM_PREFIX)) {
            filesystem(location, location.substring(FILESYSTEM_PREFIX.length()), sink);
        } else if (location.startsWith(CLASSPATH_PREFIX)) {
            classpath(location, location.substring(CLASSPATH_PREFIX.length()), classLoader, sink);
        } else if (hasUnknownPrefix(location)) {
            throw new ScriptLocationException("Script location '" + location + "' has an unknown prefix; use '"
                    + CLASSPATH_PREFIX + "' or '" + FILESYSTEM_PREFIX + "'");
        } else {
            classpath(location, location, classLoader, sink);
        }
    }

    /** What a walk over one location does with each script it finds. */
    abstract static class Sink {

        /** A script file; its description is {@code descriptionPrefix + fileName}, built only if needed. */
        abstract void file(Path path, String fileName, String descriptionPrefix);

        /** A script in a jar; its description is {@code descriptionPrefix + fileName}, built only if needed. */
        abstract void jarEntry(JarFile jar, JarEntry entry, String fileName, String descriptionPrefix);

        /** A class path root that is neither a directory nor a jar. */
        abstract void unknownRoot(String location, URL url);

        /** A class path location that no root of the class path has; nothing by default. */
        void missingLocation(String location) {
        }

        /**
         * Whether {@link #nestedScript} is wanted: finding a subdirectory in a directory costs a look at each
         * entry without a dot in its name, which the fast start's listing does not pay.
         */
        boolean wantsNestedScripts() {
            return false;
        }

        /** A script in a subdirectory of a location (not read: a location's scripts are its own files). */
        void nestedScript(String location, String path) {
        }
    }

    /** Whether the location starts with a URI-like scheme of two or more characters (not a drive letter). */
    private static boolean hasUnknownPrefix(String location) {
        int colon = location.indexOf(':');
        if (colon < 2) {
            return false;
        }
        if (!Character.isLetter(location.charAt(0))) {
            return false;
        }
        for (int i = 1; i < colon; i++) {
            char c = location.charAt(i);
            if (!Character.isLetterOrDigit(c) && c != '+' && c != '-' && c != '.') {
                return false;
            }
        }
        return true;
    }

    private static void filesystem(String location, String directory, Sink sink) {
        Path dir = Path.of(directory);
        if (!Files.isDirectory(dir)) {
            throw new ScriptLocationException("Script location '" + location + "' does not exist or is not a directory ("
                    + dir.toAbsolutePath() + "); create it or fix the location");
        }
        String prefix = directory.endsWith("/") ? FILESYSTEM_PREFIX + directory : FILESYSTEM_PREFIX + directory + "/";
        listDirectory(dir, prefix, location, sink);
    }

    private static void listDirectory(Path dir, String descriptionPrefix, String location, Sink sink) {
        boolean scripts = false;
        String python = null;
        List<Path> maybeDirectories = null;
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                // No stat per entry: it costs more than the listing. A directory named *.sql fails when read.
                if (isScriptName(name)) {
                    sink.file(entry, name, descriptionPrefix);
                    scripts = true;
                } else if (python == null && name.endsWith(".py")) {
                    python = name;
                } else if (isMisnamedScript(name)) {
                    throw ScriptLocationException.misnamed(location, name);
                } else if (name.indexOf('.') < 0 && sink.wantsNestedScripts()) {
                    maybeDirectories = maybeDirectories == null ? new ArrayList<>() : maybeDirectories;
                    maybeDirectories.add(entry);
                }
            }
        } catch (IOException e) {
            throw new ScriptLocationException("Cannot list script location '" + location + "' (" + dir + "): "
                    + e.getMessage(), e);
        }
        if (!scripts && python != null) {
            throw ScriptLocationException.alembicDirectory(location, dir, python);
        }
        if (maybeDirectories != null) {
            nestedScripts(location, maybeDirectories, sink);
        }
    }

    /** Tells the sink of the first script in each subdirectory (named without a dot) of a location. */
    private static void nestedScripts(String location, List<Path> maybeDirectories, Sink sink) {
        for (Path directory : maybeDirectories) {
            if (!Files.isDirectory(directory)) {
                continue;
            }
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory)) {
                for (Path entry : entries) {
                    if (isScriptName(entry.getFileName().toString())) {
                        sink.nestedScript(location, directory.getFileName() + "/" + entry.getFileName());
                        break;
                    }
                }
            } catch (IOException e) {
                // A subdirectory that cannot be listed holds no script this location would read anyway.
            }
        }
    }

    /** A name that ends in {@code .sql} in another case ({@code .SQL}): meant as a script, and passed over. */
    private static boolean isMisnamedScript(String name) {
        int n = name.length();
        return n > 4 && !name.startsWith(".") && name.regionMatches(true, n - 4, ".sql", 0, 4);
    }

    private static boolean isScriptName(String name) {
        return name.endsWith(".sql") && !name.startsWith(".");
    }

    private static void classpath(String location, String rawPath, ClassLoader classLoader, Sink sink) {
        String path = trimSlashes(rawPath);
        String descriptionPrefix = CLASSPATH_PREFIX + (path.isEmpty() ? "" : path + "/");
        Set<String> roots = new LinkedHashSet<>();
        Enumeration<URL> urls;
        try {
            urls = classLoader.getResources(path);
        } catch (IOException e) {
            throw new ScriptLocationException("Cannot look up script location '" + location + "' on the class path: "
                    + e.getMessage(), e);
        }
        if (!urls.hasMoreElements()) {
            sink.missingLocation(location);
        }
        while (urls.hasMoreElements()) {
            URL url = urls.nextElement();
            if (!roots.add(url.toString())) {
                continue;
            }
            if ("file".equals(url.getProtocol())) {
                Path dir;
                try {
                    dir = Path.of(url.toURI());
                } catch (URISyntaxException | IllegalArgumentException e) {
                    throw new ScriptLocationException("Cannot read script location '" + location + "' at " + url + ": "
                            + e.getMessage(), e);
                }
                if (Files.isDirectory(dir)) {
                    listDirectory(dir, descriptionPrefix, location, sink);
                }
            } else {
                listJar(location, url, descriptionPrefix, sink);
            }
        }
    }

    private static void listJar(String location, URL url, String descriptionPrefix, Sink sink) {
        try {
            URLConnection connection = url.openConnection();
            if (!(connection instanceof JarURLConnection jarConnection)) {
                sink.unknownRoot(location, url);
                return;
            }
            jarConnection.setUseCaches(false);
            String directory = trimSlashes(jarConnection.getEntryName() == null ? "" : jarConnection.getEntryName());
            String entryPrefix = directory.isEmpty() ? "" : directory + "/";
            try (JarFile jar = jarConnection.getJarFile()) {
                Set<String> reported = new HashSet<>();
                Enumeration<JarEntry> entries = jar.entries();
                while (entries.hasMoreElements()) {
                    JarEntry entry = entries.nextElement();
                    String name = entry.getName();
                    if (entry.isDirectory() || !name.startsWith(entryPrefix)) {
                        continue;
                    }
                    int slash = name.indexOf('/', entryPrefix.length());
                    if (slash >= 0) {
                        if (sink.wantsNestedScripts() && isScriptName(name.substring(name.lastIndexOf('/') + 1))
                                && reported.add(name.substring(entryPrefix.length(), slash))) {
                            sink.nestedScript(location, name.substring(entryPrefix.length()));
                        }
                        continue;
                    }
                    String fileName = name.substring(entryPrefix.length());
                    if (isScriptName(fileName)) {
                        sink.jarEntry(jar, entry, fileName, descriptionPrefix);
                    } else if (isMisnamedScript(fileName)) {
                        throw ScriptLocationException.misnamed(location, fileName);
                    }
                }
            }
        } catch (IOException e) {
            throw new ScriptLocationException("Cannot list script location '" + location + "' in " + url + ": "
                    + e.getMessage(), e);
        }
    }

    private static String trimSlashes(String path) {
        int start = 0;
        int end = path.length();
        while (start < end && path.charAt(start) == '/') {
            start++;
        }
        while (end > start && path.charAt(end - 1) == '/') {
            end--;
        }
        return path.substring(start, end);
    }
}
