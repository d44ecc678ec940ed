package io.samokoder.migrations.classfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.samokoder.migrations.classfile.fixture.Marked;
import io.samokoder.migrations.classfile.marks.Compiled;
import io.samokoder.migrations.classfile.marks.Marker;
import io.samokoder.migrations.classfile.marks.Other;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Finding annotated classes in class directories, jars and a class loader's class path; no class loaded. */
class ClassFileScanTest {

    private static final String FIXTURE = "io.samokoder.migrations.classfile.fixture";

    private static final Set<String> MARKER = Set.of(Marker.class.getName());

    /** The marked classes of the fixture package: nested and inner classes and a sub-package's too. */
    private static final List<String> MARKED = List.of(FIXTURE + ".Marked", FIXTURE + ".Outer$Inner",
            FIXTURE + ".Outer$Nested", FIXTURE + ".sub.Deep");

    @Test
    void findsTheClassesOfAPackageAndItsSubPackagesInAClassDirectory() throws IOException {
        ClassFileScan scan = ClassFileScan.of(List.of(testClasses()));

        assertThat(scan.classesIn(FIXTURE, MARKER)).isEqualTo(MARKED);
        assertThat(scan.classesIn(FIXTURE + ".sub", MARKER)).containsExactly(FIXTURE + ".sub.Deep");
        assertThat(scan.classesIn(FIXTURE + ".absent", MARKER)).isEmpty();
    }

    @Test
    void anAnnotationOnAMemberOrCarriedByAnotherAnnotationDoesNotMarkTheClass() throws IOException {
        ClassFileScan scan = ClassFileScan.of(List.of(testClasses()));

        assertThat(scan.classesIn(FIXTURE, Set.of(Other.class.getName())))
                .containsExactly(FIXTURE + ".MarkedMembers");
        assertThat(scan.classesIn(FIXTURE, Set.of(Marker.class.getName(), Other.class.getName())))
                .containsExactly(FIXTURE + ".Marked", FIXTURE + ".MarkedMembers", FIXTURE + ".Outer$Inner",
                        FIXTURE + ".Outer$Nested", FIXTURE + ".sub.Deep");
        assertThat(scan.classesIn("io.samokoder.migrations.classfile.marks", MARKER))
                .as("the annotation that carries the marker is itself marked")
                .containsExactly("io.samokoder.migrations.classfile.marks.Composed");
    }

    @Test
    void anAnnotationNotVisibleAtRunTimeDoesNotCount() throws IOException {
        assertThat(ClassFileScan.of(List.of(testClasses())).classesIn(FIXTURE, Set.of(Compiled.class.getName())))
                .isEmpty();
    }

    @Test
    void findsTheSameInAJarWithOrWithoutDirectoryEntries(@TempDir Path dir) throws IOException {
        Path withDirectories = jar(dir.resolve("with.jar"), true);
        Path without = jar(dir.resolve("without.jar"), false);

        assertThat(ClassFileScan.of(List.of(withDirectories)).classesIn(FIXTURE, MARKER)).isEqualTo(MARKED);
        assertThat(ClassFileScan.of(List.of(without)).classesIn(FIXTURE, MARKER)).isEqualTo(MARKED);
        assertThat(ClassFileScan.of(List.of(without)).classesIn(FIXTURE + ".sub", MARKER))
                .containsExactly(FIXTURE + ".sub.Deep");
    }

    @Test
    void readsAClassLoadersDirectoriesAndJars(@TempDir Path dir) throws IOException {
        assertThat(ClassFileScan.of(getClass().getClassLoader()).classesIn(FIXTURE, MARKER)).isEqualTo(MARKED);
        URL jar = jar(dir.resolve("classes.jar"), true).toUri().toURL();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar}, null)) {
            assertThat(ClassFileScan.of(loader).classesIn(FIXTURE, MARKER)).isEqualTo(MARKED);
            assertThat(ClassFileScan.of(loader).classesIn("com.example", MARKER)).isEmpty();
        }
    }

    @Test
    void aClassFoundInTwoPlacesIsListedOnce(@TempDir Path dir) throws IOException {
        ClassFileScan scan = ClassFileScan.of(List.of(testClasses(), jar(dir.resolve("classes.jar"), false)))
            .and(ClassFileScan.of(getClass().getClassLoader()));

        assertThat(scan.classesIn(FIXTURE, MARKER)).isEqualTo(MARKED);
    }

    @Test
    void anEmptyPackageNameIsAllPackagesAndModuleAndPackageInfoAreSkipped(@TempDir Path dir) throws IOException {
        copy(Marked.class, dir.resolve("Marked.class"));
        copy(Marked.class, dir.resolve("a/b/Marked.class"));
        Files.write(dir.resolve("module-info.class"), new byte[] {1, 2});
        Files.write(dir.resolve("a/package-info.class"), new byte[] {1, 2});
        Files.write(dir.resolve("a/notes.txt"), new byte[] {1, 2});

        assertThat(ClassFileScan.of(List.of(dir)).classesIn("", MARKER)).containsExactly("Marked", "a.b.Marked");
    }

    @Test
    void aFileThatIsNoClassFileIsAnErrorNamingIt(@TempDir Path dir) throws IOException {
        Path classes = dir.resolve("classes");
        Path garbage = classes.resolve("a/Garbage.class");
        Files.createDirectories(garbage.getParent());
        Files.writeString(garbage, "not a class");
        assertThatThrownBy(() -> ClassFileScan.of(List.of(classes)).classesIn("a", MARKER))
            .isInstanceOf(IOException.class)
            .hasMessage(garbage + " is not a readable class file (not a class file: it does not start with"
                    + " 0xCAFEBABE)");

        byte[] marked = Files.readAllBytes(classFile(Marked.class));
        Files.write(garbage, Arrays.copyOf(marked, marked.length / 2));
        assertThatThrownBy(() -> ClassFileScan.of(List.of(classes)).classesIn("a", MARKER))
            .hasMessage(garbage + " is not a readable class file (truncated class file)");

        Path jar = dir.resolve("broken.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            out.putNextEntry(new JarEntry("a/Garbage.class"));
            out.write(new byte[] {(byte) 0xCA, (byte) 0xFE});
        }
        assertThatThrownBy(() -> ClassFileScan.of(List.of(jar)).classesIn("a", MARKER))
            .hasMessageStartingWith(jar + "!/a/Garbage.class is not a readable class file (");
    }

    @Test
    void anEntryThatIsNeitherADirectoryNorAJarIsAnError(@TempDir Path dir) throws IOException {
        Path missing = dir.resolve("missing");
        assertThatThrownBy(() -> ClassFileScan.of(List.of(missing)).classesIn(FIXTURE, MARKER))
            .hasMessage("class path entry " + missing + " is neither a directory nor a jar file");

        Path text = Files.writeString(dir.resolve("notes.jar"), "no zip");
        assertThatThrownBy(() -> ClassFileScan.of(List.of(text)).classesIn(FIXTURE, MARKER))
            .hasMessageStartingWith(text + " is not a readable jar file (");
    }

    private static Path testClasses() {
        try {
            return Path.of(Marked.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path classFile(Class<?> type) {
        return testClasses().resolve(type.getName().replace('.', '/') + ".class");
    }

    private static void copy(Class<?> type, Path target) throws IOException {
        Files.createDirectories(target.getParent());
        Files.copy(classFile(type), target);
    }

    /** The fixture package's class files as a jar, with directory entries (as Maven writes it) or without. */
    private static Path jar(Path jar, boolean directories) throws IOException {
        Path root = testClasses();
        Path fixture = root.resolve(FIXTURE.replace('.', '/'));
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file);
                Stream<Path> files = Files.walk(fixture)) {
            if (directories) {
                for (Path parent = fixture.getParent(); !parent.equals(root); parent = parent.getParent()) {
                    out.putNextEntry(new JarEntry(root.relativize(parent).toString().replace('\\', '/') + "/"));
                }
            }
            for (Path path : (Iterable<Path>) files.sorted()::iterator) {
                boolean directory = Files.isDirectory(path);
                if (directory && !directories) {
                    continue;
                }
                String name = root.relativize(path).toString().replace('\\', '/');
                out.putNextEntry(new JarEntry(directory ? name + "/" : name));
                if (!directory) {
                    out.write(Files.readAllBytes(path));
                }
            }
        }
        return jar;
    }
}
