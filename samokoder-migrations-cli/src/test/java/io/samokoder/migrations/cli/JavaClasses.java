package io.samokoder.migrations.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.samokoder.migrations.java.JavaRevision;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/** Java sources compiled in a test against the engine's classes, into a directory or a jar, as an application's. */
final class JavaClasses {

    private JavaClasses() {
    }

    /**
     * Compiles the sources (by class name) into {@code root/classes}.
     *
     * @return the class directory
     */
    static Path compile(Path root, Map<String, String> sources) {
        try {
            Path src = root.resolve("src");
            Path classes = Files.createDirectories(root.resolve("classes"));
            List<String> arguments = new ArrayList<>(List.of("-d", classes.toString(), "-cp", engineClassPath()));
            for (Map.Entry<String, String> source : sources.entrySet()) {
                Path file = src.resolve(source.getKey().replace('.', '/') + ".java");
                Files.createDirectories(file.getParent());
                Files.writeString(file, source.getValue());
                arguments.add(file.toString());
            }
            JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
            ByteArrayOutputStream errors = new ByteArrayOutputStream();
            int status = compiler.run(null, null, errors, arguments.toArray(String[]::new));
            assertEquals(0, status, errors::toString);
            return classes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The class directory as a jar, without directory entries (as some jar tools write it). */
    static Path jar(Path classes, Path jar) {
        return jar(classes, jar, false);
    }

    /** The class directory as a jar, with directory entries (as Maven writes it) or without. */
    static Path jar(Path classes, Path jar, boolean directories) {
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file);
                Stream<Path> files = Files.walk(classes)) {
            for (Path path : (Iterable<Path>) files.filter(p -> !p.equals(classes)).sorted()::iterator) {
                boolean directory = Files.isDirectory(path);
                if (directory && !directories) {
                    continue;
                }
                out.putNextEntry(new JarEntry(classes.relativize(path).toString().replace('\\', '/')
                        + (directory ? "/" : "")));
                if (!directory) {
                    out.write(Files.readAllBytes(path));
                }
                out.closeEntry();
            }
            return jar;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String engineClassPath() {
        try {
            return Path.of(JavaRevision.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
