package io.samokoder.migrations.autoconfigure;

import io.samokoder.migrations.MigrationConfigurationException;
import io.samokoder.migrations.MigrationsConfig;
import io.samokoder.migrations.script.ScriptLocations;
import io.samokoder.migrations.script.ScriptResource;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URLConnection;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.jar.JarEntry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.ResourcePatternResolver;

/**
 * Finds revision scripts with Spring's resource resolution, so that scripts in directories, jars,
 * nested jars of an executable Boot jar and {@code classpath*:} locations are all found.
 */
final class SpringScriptResources {

    private static final Log logger = LogFactory.getLog(SpringScriptResources.class);

    private SpringScriptResources() {
    }

    /**
     * The {@code *.sql} files directly in each location, sorted by file name within a location,
     * locations in the given order. A class path location that does not exist contributes nothing (with
     * a warning, unless it is the default {@code classpath:db/migrations}); a directory that does not
     * exist is an error, as in the engine.
     */
    static List<ScriptResource> resolve(ResourcePatternResolver resolver, List<String> locations) {
        return resolve(resolver, locations, "samokoder.migrations.locations", MigrationsConfig.DEFAULT_LOCATIONS);
    }

    /**
     * {@link #resolve(ResourcePatternResolver, List)} for the locations of {@code property}, whose default
     * {@code defaults} may be missing without a warning.
     */
    static List<ScriptResource> resolve(ResourcePatternResolver resolver, List<String> locations, String property,
            List<String> defaults) {
        List<ScriptResource> scripts = new ArrayList<>();
        for (String location : locations) {
            String normalized = normalize(location);
            Resource[] found;
            try {
                found = resolver.getResources(normalized + "/*.sql");
            }
            catch (FileNotFoundException ex) {
                // a classpath: or file: location that does not exist
                checkExists(resolver, location, normalized, property, defaults);
                continue;
            }
            catch (IOException ex) {
                throw new UncheckedIOException("Could not list the scripts in '" + location + "' (" + property + ")",
                        ex);
            }
            if (found.length == 0) {
                checkExists(resolver, location, normalized, property, defaults);
            }
            List<Resource> files = new ArrayList<>(Arrays.asList(found));
            files.removeIf((resource) -> resource.getFilename() == null || !resource.isReadable());
            files.sort(Comparator.comparing(Resource::getFilename));
            for (Resource file : files) {
                scripts.add(new SpringScriptResource(file, normalized + "/" + file.getFilename()));
            }
        }
        return scripts;
    }

    /** Fails for a directory that does not exist; warns of a class path location that does not. */
    private static void checkExists(ResourcePatternResolver resolver, String location, String normalized,
            String property, List<String> defaults) {
        if (normalized.startsWith("file:")) {
            Resource dir = resolver.getResource(normalized);
            boolean isDirectory;
            try {
                isDirectory = dir.exists() && dir.getFile().isDirectory();
            }
            catch (IOException ex) {
                isDirectory = false;
            }
            if (!isDirectory) {
                throw new MigrationConfigurationException("Script location '" + location + "' (" + property
                        + ") does not exist or is not a directory; create it or fix the location");
            }
        }
        else if (!defaults.contains(normalized) && !normalized.startsWith("classpath*:")
                && !resolver.getResource(normalized + "/").exists()) {
            logger.warn("Script location '" + location + "' (" + property + ") does not exist on the class path; it"
                    + " adds no scripts");
        }
    }

    /**
     * {@code filesystem:} becomes {@code file:}, no prefix means {@code classpath:}, no trailing slash; another
     * prefix than {@code classpath:}, {@code classpath*:}, {@code file:} and {@code filesystem:} is refused.
     */
    static String normalize(String location) {
        String trimmed = location.trim();
        if (trimmed.isEmpty()) {
            throw new MigrationConfigurationException(
                    "samokoder.migrations.locations contains an empty location; remove it or name a directory");
        }
        String result;
        if (trimmed.startsWith("filesystem:")) {
            result = "file:" + trimmed.substring("filesystem:".length());
        }
        else if (trimmed.indexOf(':') < 0 || (trimmed.length() > 1 && trimmed.charAt(1) == ':' && trimmed.length() > 2
                && (trimmed.charAt(2) == '\\' || trimmed.charAt(2) == '/'))) {
            // a plain path, or a Windows drive letter: treat as the class path, like the engine does
            result = trimmed.indexOf(':') < 0 ? "classpath:" + trimmed : "file:" + trimmed;
        }
        else if (trimmed.startsWith("classpath:") || trimmed.startsWith("classpath*:") || trimmed.startsWith("file:")) {
            result = trimmed;
        }
        else {
            throw new MigrationConfigurationException("Script location '" + trimmed
                    + "' (samokoder.migrations.locations) has an unknown prefix; use 'classpath:' or 'filesystem:'");
        }
        while (result.endsWith("/") && !result.endsWith(":/")) {
            result = result.substring(0, result.length() - 1);
        }
        return result;
    }

    /** A script behind a Spring {@link Resource}, described by its location and file name. */
    private static final class SpringScriptResource implements ScriptResource {

        private final Resource resource;
        private final String description;

        SpringScriptResource(Resource resource, String description) {
            this.resource = resource;
            this.description = description;
        }

        @Override
        public String fileName() {
            return this.resource.getFilename();
        }

        @Override
        public String description() {
            return this.description;
        }

        @Override
        public InputStream open() throws IOException {
            return this.resource.getInputStream();
        }

        /**
         * A file's stamp from the engine ({@link ScriptLocations#fileStamp}); for an entry of a jar,
         * nested ones of an executable jar too, its size and CRC-32 from the jar's directory.
         * Without one (another kind of resource), a start reads every script.
         */
        @Override
        public @Nullable String stamp() {
            try {
                if (this.resource.isFile()) {
                    return ScriptLocations.fileStamp(this.resource.getFile().toPath());
                }
                URLConnection connection = this.resource.getURL().openConnection();
                if (connection instanceof JarURLConnection jar) {
                    JarEntry entry = jar.getJarEntry();
                    if (entry != null && entry.getCrc() >= 0) {
                        return "jar " + entry.getSize() + " " + entry.getCrc();
                    }
                }
            }
            catch (IOException | RuntimeException ex) {
                // no stamp: the scripts are read and checked in full
            }
            return null;
        }

        @Override
        public String toString() {
            return this.description;
        }
    }
}
