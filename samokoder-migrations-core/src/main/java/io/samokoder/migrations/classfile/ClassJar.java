package io.samokoder.migrations.classfile;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/** The class files of a jar. */
final class ClassJar {

    private ClassJar() {
    }

    /** The classes of a jar file, opened for each read. */
    static ClassSource file(Path jar) {
        return (packagePath, reader) -> {
            JarFile file;
            try {
                file = new JarFile(jar.toFile());
            } catch (IOException e) {
                throw new IOException(jar + " is not a readable jar file (" + e.getMessage() + ")", e);
            }
            try (file) {
                read(file, packagePath, reader);
            }
        };
    }

    /** Reads the class files of a package and its sub-packages in an open jar. */
    static void read(JarFile jar, String packagePath, ClassSource.Reader reader) throws IOException {
        String prefix = packagePath.isEmpty() ? "" : packagePath + "/";
        Enumeration<JarEntry> entries = jar.entries();
        while (entries.hasMoreElements()) {
            JarEntry entry = entries.nextElement();
            String name = entry.getName();
            if (!entry.isDirectory() && name.startsWith(prefix) && ClassSource.isClassFile(name)) {
                try (InputStream in = jar.getInputStream(entry)) {
                    reader.accept(name, jar.getName() + "!/" + name, in.readAllBytes());
                }
            }
        }
    }
}
