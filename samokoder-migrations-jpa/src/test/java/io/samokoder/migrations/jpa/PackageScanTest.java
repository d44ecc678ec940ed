package io.samokoder.migrations.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import io.samokoder.migrations.jpa.fixtures.medium.Address;
import io.samokoder.migrations.jpa.fixtures.medium.Customer;
import io.samokoder.migrations.jpa.fixtures.medium.OrderLine;
import io.samokoder.migrations.jpa.fixtures.medium.Product;
import io.samokoder.migrations.jpa.fixtures.medium.PurchaseOrder;
import io.samokoder.migrations.jpa.fixtures.medium.Tag;
import io.samokoder.migrations.jpa.fixtures.small.Note;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PackageScanTest {

    @Test
    void findsTheMappedClassesOfADirectoryWithoutLoadingTheOthers() {
        RecordingLoader loader = new RecordingLoader(getClass().getClassLoader());

        List<Class<?>> classes = PackageScan.classes(loader, List.of("io.samokoder.migrations.jpa.fixtures.medium"));

        assertThat(classes).containsExactly(Address.class, Customer.class, OrderLine.class, Product.class,
                PurchaseOrder.class, Tag.class);
        assertThat(loader.requested).doesNotContain("io.samokoder.migrations.jpa.fixtures.medium.Unrelated",
                "io.samokoder.migrations.jpa.fixtures.medium.Status");
    }

    @Test
    void findsTheMappedClassesOfAJar(@TempDir Path dir) throws IOException {
        Path jar = dir.resolve("entities.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            for (String directory : List.of("io/", "io/samokoder/", "io/samokoder/migrations/",
                    "io/samokoder/migrations/jpa/", "io/samokoder/migrations/jpa/fixtures/",
                    "io/samokoder/migrations/jpa/fixtures/small/")) {
                out.putNextEntry(new JarEntry(directory));
                out.closeEntry();
            }
            copy(out, Note.class);
            copy(out, PackageScanTest.class);
        }
        try (URLClassLoader loader = new JarOnlyLoader(jar.toUri().toURL(), getClass().getClassLoader())) {
            assertThat(PackageScan.classes(loader, List.of("io.samokoder.migrations.jpa.fixtures")))
                    .containsExactly(Note.class);
        }
    }

    @Test
    void subPackagesAreScannedToo() {
        List<Class<?>> classes = PackageScan.classes(getClass().getClassLoader(),
                List.of("io.samokoder.migrations.jpa.fixtures.small"));

        assertThat(classes).containsExactly(Note.class);
        assertThat(PackageScan.classes(getClass().getClassLoader(), List.of("io.samokoder.migrations.jpa.fixtures")))
                .contains(Note.class, Customer.class).hasSizeGreaterThan(35);
    }

    private static void copy(JarOutputStream out, Class<?> type) throws IOException {
        String name = type.getName().replace('.', '/') + ".class";
        out.putNextEntry(new JarEntry(name));
        try (InputStream in = type.getClassLoader().getResourceAsStream(name)) {
            in.transferTo(out);
        }
        out.closeEntry();
    }

    /** Records which classes are asked for. */
    private static final class RecordingLoader extends ClassLoader {

        private final List<String> requested = Collections.synchronizedList(new ArrayList<>());

        RecordingLoader(ClassLoader parent) {
            super(parent);
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            requested.add(name);
            return super.loadClass(name, resolve);
        }
    }

    /** A loader whose resources come from its jar only, so that the scan reads the jar. */
    private static final class JarOnlyLoader extends URLClassLoader {

        JarOnlyLoader(URL jar, ClassLoader parent) {
            super(new URL[] {jar}, parent);
        }

        @Override
        public Enumeration<URL> getResources(String name) throws IOException {
            return findResources(name);
        }
    }

}
