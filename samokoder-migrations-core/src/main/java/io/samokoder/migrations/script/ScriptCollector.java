package io.samokoder.migrations.script;

import io.samokoder.migrations.MigrationsConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Collects readable resources; jar entries are read while their jar is open. A class path location
 * that does not exist is logged as a warning (a misspelt one would otherwise add nothing without a
 * word), except the defaults, which an application with Java revisions only, or without repeatable scripts,
 * may not have.
 */
class ScriptCollector extends ScriptLocations.Sink {

    private static final Logger LOG = LoggerFactory.getLogger(ScriptLocations.class);

    final List<ScriptResource> resources = new ArrayList<>();

    @Override
    void missingLocation(String location) {
        if (!MigrationsConfig.DEFAULT_LOCATIONS.contains(location)
                && !MigrationsConfig.REPEATABLE_LOCATIONS_CONVENTION.contains(location)) {
            LOG.warn("Script location '{}' does not exist on the class path; it adds no scripts", location);
        }
    }

    @Override
    boolean wantsNestedScripts() {
        return true;
    }

    @Override
    void nestedScript(String location, String path) {
        LOG.warn("Script location '{}' has scripts in a subdirectory ({}), which are not read: a location's scripts"
                + " are the files directly in it. Move them up, or add the subdirectory to the locations", location,
                path);
    }

    @Override
    void file(Path path, String fileName, String descriptionPrefix) {
        this.resources.add(SimpleScriptResource.ofListedPath(path, fileName, descriptionPrefix + fileName));
    }

    @Override
    void jarEntry(JarFile jar, JarEntry entry, String fileName, String descriptionPrefix) {
        String description = descriptionPrefix + fileName;
        // Read now, through the jar already open: opening each entry through a jar: URL
        // later costs a connection per script. A jar's content does not change under us.
        byte[] bytes;
        try (InputStream in = jar.getInputStream(entry)) {
            bytes = readEntry(in, entry.getSize());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read revision script " + description + ": "
                    + e.getMessage(), e);
        }
        this.resources.add(SimpleScriptResource.ofJarEntry(fileName, description, bytes));
    }

    @Override
    void unknownRoot(String location, URL url) {
        throw new ScriptLocationException("Script location '" + location + "' is at " + url
                + ", which is neither a directory nor a jar; put the scripts in a directory or a jar");
    }

    /** Collects readable resources and, beside them, what stamping them later needs. */
    static final class Stamping extends ScriptCollector {

        final ScriptStamps.Stamps stamps = new ScriptStamps.Stamps();

        @Override
        void file(Path path, String fileName, String descriptionPrefix) {
            super.file(path, fileName, descriptionPrefix);
            this.stamps.file(path, fileName, descriptionPrefix);
        }

        @Override
        void jarEntry(JarFile jar, JarEntry entry, String fileName, String descriptionPrefix) {
            super.jarEntry(jar, entry, fileName, descriptionPrefix);
            this.stamps.jarEntry(jar, entry, fileName, descriptionPrefix);
        }
    }

    /**
     * An entry's bytes: with its size known (the jar's directory has it), read into an array of that
     * size, without the buffers and copies of {@code readAllBytes}, which at tens of thousands of
     * scripts are hundreds of megabytes of garbage on a cold start.
     */
    private static byte[] readEntry(InputStream in, long size) throws IOException {
        if (size < 0 || size > Integer.MAX_VALUE - 8) {
            return in.readAllBytes();
        }
        byte[] bytes = in.readNBytes((int) size);
        if (bytes.length != size || in.read() != -1) {
            throw new IOException("the entry's size in the jar's directory (" + size + " bytes) does not match"
                    + " its content");
        }
        return bytes;
    }
}
