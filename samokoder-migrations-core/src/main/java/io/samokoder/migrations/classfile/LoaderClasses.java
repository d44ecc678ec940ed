package io.samokoder.migrations.classfile;

import java.io.IOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.Objects;
import java.util.jar.JarFile;

/**
 * The class files of a package as a class loader sees it: the package's directories and jars that
 * {@link ClassLoader#getResources} gives (a jar is seen only when it has an entry for the package's directory).
 */
final class LoaderClasses implements ClassSource {

    private final ClassLoader loader;

    LoaderClasses(ClassLoader loader) {
        this.loader = Objects.requireNonNull(loader, "loader");
    }

    @Override
    public void read(String packagePath, Reader reader) throws IOException {
        Enumeration<URL> roots = this.loader.getResources(packagePath.isEmpty() ? "" : packagePath + "/");
        while (roots.hasMoreElements()) {
            read(roots.nextElement(), packagePath, reader);
        }
    }

    private static void read(URL root, String packagePath, Reader reader) throws IOException {
        if ("file".equals(root.getProtocol())) {
            Path directory;
            try {
                directory = Path.of(root.toURI());
            } catch (URISyntaxException | IllegalArgumentException | FileSystemNotFoundException e) {
                throw new IOException("bad class path entry " + root + " (" + e.getMessage() + ")", e);
            }
            ClassDirectory.read(directory, packagePath, reader);
            return;
        }
        URLConnection connection = root.openConnection();
        if (!(connection instanceof JarURLConnection jar)) {
            throw new IOException("class path entry " + root + " is neither a directory nor a jar");
        }
        jar.setUseCaches(false);
        try (JarFile file = jar.getJarFile()) {
            ClassJar.read(file, packagePath, reader);
        }
    }
}
