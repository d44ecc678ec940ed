package io.samokoder.migrations.script;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A plain {@link ScriptResource}: a file, a URL (for example a jar entry) or text held in memory.
 */
public final class SimpleScriptResource implements ScriptResource {

    private final String fileName;
    private final String description;
    /** The address, for a resource behind a URL. */
    private final URL url;
    /** The file, for a resource on the file system: read in one call, into an array of its exact size. */
    private final Path path;
    /** The content, for a resource held in memory. */
    private final byte[] bytes;

    private SimpleScriptResource(String fileName, String description, URL url, Path path, byte[] bytes) {
        this.fileName = Objects.requireNonNull(fileName, "fileName");
        this.description = Objects.requireNonNull(description, "description");
        this.url = url;
        this.path = path;
        this.bytes = bytes;
    }

    /** A script file on the file system, described by its path. */
    public static SimpleScriptResource ofPath(Path path) {
        return ofPath(path, path.toString());
    }

    /** A script file on the file system with the given description. */
    public static SimpleScriptResource ofPath(Path path, String description) {
        Objects.requireNonNull(path, "path");
        Path name = path.getFileName();
        return new SimpleScriptResource(name == null ? path.toString() : name.toString(), description,
                null, path, null);
    }

    /** A script behind a URL ({@code file:}, {@code jar:}, ...) with the given file name and description. */
    public static SimpleScriptResource ofUrl(URL url, String fileName, String description) {
        Objects.requireNonNull(url, "url");
        return new SimpleScriptResource(fileName, description, url, null, null);
    }

    /** A jar entry whose bytes were read while its jar was open; {@link #open()} serves them. */
    static SimpleScriptResource ofJarEntry(String fileName, String description, byte[] bytes) {
        return new SimpleScriptResource(fileName, description, null, null, bytes);
    }

    /** A listed script file whose name the caller already has (no second {@code getFileName}). */
    static SimpleScriptResource ofListedPath(Path path, String fileName, String description) {
        return new SimpleScriptResource(fileName, description, null, path, null);
    }

    /** A script held in memory, e.g. generated or embedded in a test; its description is its file name. */
    public static SimpleScriptResource ofText(String fileName, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        return new SimpleScriptResource(fileName, fileName, null, null, bytes);
    }

    @Override
    public String fileName() {
        return this.fileName;
    }

    @Override
    public String description() {
        return this.description;
    }

    @Override
    public InputStream open() throws IOException {
        if (this.bytes != null) {
            return new ByteArrayInputStream(this.bytes);
        }
        if (this.path != null) {
            return Files.newInputStream(this.path);
        }
        return this.url.openStream();
    }

    /**
     * The whole content. A file is read with one call into a buffer of the reading thread, which is
     * cheaper than a stream when thousands of scripts are loaded at start-up (see {@link ScriptBytes});
     * the array of an in-memory resource is shared, so callers must not change it.
     */
    ScriptBytes readBytes() throws IOException {
        if (this.bytes != null) {
            return ScriptBytes.of(this.bytes);
        }
        if (this.path != null) {
            return ScriptBytes.readFile(this.path);
        }
        try (InputStream in = this.url.openStream()) {
            return ScriptBytes.of(in.readAllBytes());
        }
    }

    /**
     * A file's {@link ScriptLocations#fileStamp}; for content held in memory, a hash of it; for a
     * resource behind a URL, none.
     */
    @Override
    public String stamp() {
        if (this.bytes != null) {
            return ScriptStamps.bytesStamp(this.bytes);
        }
        if (this.path != null) {
            return ScriptLocations.fileStamp(this.path);
        }
        return null;
    }

    /** Whether this is a path on the file system that names a directory (for error messages). */
    boolean isDirectory() {
        return this.path != null && Files.isDirectory(this.path);
    }

    @Override
    public String toString() {
        return this.description;
    }
}
