package io.samokoder.migrations.classfile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** The class files of a directory: a root of packages (such as {@code target/classes}), or one package's. */
final class ClassDirectory {

    private ClassDirectory() {
    }

    /** The classes of a directory whose sub-directories are packages. */
    static ClassSource root(Path root) {
        return (packagePath, reader) -> read(packagePath.isEmpty() ? root : root.resolve(packagePath), packagePath,
                reader);
    }

    /**
     * Reads the class files below a package's directory; nothing when there is no such directory.
     *
     * @param packagePath the package of the directory, as a resource path
     */
    static void read(Path directory, String packagePath, ClassSource.Reader reader) throws IOException {
        if (!Files.isDirectory(directory)) {
            return;
        }
        String prefix = packagePath.isEmpty() ? "" : packagePath + "/";
        String separator = directory.getFileSystem().getSeparator();
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                String resource = prefix + directory.relativize(file).toString().replace(separator, "/");
                if (ClassSource.isClassFile(resource) && Files.isRegularFile(file)) {
                    reader.accept(resource, file.toString(), Files.readAllBytes(file));
                }
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
