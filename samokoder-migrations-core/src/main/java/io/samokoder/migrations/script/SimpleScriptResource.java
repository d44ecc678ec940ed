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

    /** Opens the bytes of a resource. */
    @FunctionalInterface
    private interface Opener {
        InputStream open() throws IOException;
    }

    private final String fileName;
    private final String description;
    private final Opener opener;

    private SimpleScriptResource(String fileName, String description, Opener opener) {
        this.fileName = Objects.requireNonNull(fileName, "fileName");
        this.description = Objects.requireNonNull(description, "description");
        this.opener = opener;
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
                () -> Files.newInputStream(path));
    }

    /** A script behind a URL ({@code file:}, {@code jar:}, ...) with the given file name and description. */
    public static SimpleScriptResource ofUrl(URL url, String fileName, String description) {
        Objects.requireNonNull(url, "url");
        return new SimpleScriptResource(fileName, description, url::openStream);
    }

    /** A script held in memory, e.g. generated or embedded in a test; its description is its file name. */
    public static SimpleScriptResource ofText(String fileName, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        return new SimpleScriptResource(fileName, fileName, () -> new ByteArrayInputStream(bytes));
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
        return this.opener.open();
    }

    @Override
    public String toString() {
        return this.description;
    }
}
