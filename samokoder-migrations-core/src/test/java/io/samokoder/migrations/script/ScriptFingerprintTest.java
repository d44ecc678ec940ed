package io.samokoder.migrations.script;

import static io.samokoder.migrations.script.ScriptFiles.jar;
import static io.samokoder.migrations.script.ScriptFiles.script;
import static io.samokoder.migrations.script.ScriptFiles.write;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link ScriptLocations#fingerprint}: what changes it, what does not, and when it is withheld. */
class ScriptFingerprintTest {

    @TempDir
    Path temp;

    private final ClassLoader testLoader = getClass().getClassLoader();

    /**
     * Trusts files of any age, even a second "in the future": the clock is read in milliseconds and
     * file times have nanoseconds, so a file written just now may look slightly newer than now.
     */
    private static final long TRUST_ALL = -1_000_000_000L;

    /** The fingerprint of one directory, trusting files of any age. */
    private static String dir(Path dir) {
        return ScriptLocations.fingerprint(List.of("filesystem:" + dir), null, TRUST_ALL);
    }

    @Test
    void aFingerprintTakenAheadIsWithheldOnceCancelled() throws IOException {
        Path m = this.temp.resolve("ahead");
        write(m.resolve("a1.sql"), script("a1", ""));
        write(m.resolve("b2.sql"), script("b2", "a1"));
        List<String> locations = List.of("filesystem:" + m);

        ClassLoader none = null;
        assertThat(ScriptStamps.fingerprint(locations, none, TRUST_ALL, new AtomicBoolean(true))).as("cancelled")
                .isNull();
        assertThat(ScriptStamps.fingerprint(locations, none, TRUST_ALL, new AtomicBoolean())).isEqualTo(dir(m));
    }

    @Test
    void aDirectoryIsStampedByNamesSizesAndTimes() throws IOException {
        Path m = this.temp.resolve("m");
        write(m.resolve("a1.sql"), script("a1", ""));
        write(m.resolve("b2.sql"), script("b2", "a1"));
        write(m.resolve("notes.txt"), "not a script");
        String first = dir(m);
        assertThat(first).hasSize(32).matches("[0-9a-f]{32}").isEqualTo(dir(m));

        write(m.resolve("readme.md"), "still not a script");
        assertThat(dir(m)).as("files that are not scripts do not count").isEqualTo(first);

        Files.setLastModifiedTime(m.resolve("b2.sql"), FileTime.fromMillis(1_000_000_000_000L));
        String touched = dir(m);
        assertThat(touched).as("a new modification time").isNotEqualTo(first);

        write(m.resolve("c3.sql"), script("c3", "b2"));
        String added = dir(m);
        assertThat(added).isNotEqualTo(touched);
        Files.delete(m.resolve("c3.sql"));
        assertThat(dir(m)).as("a file removed").isNotEqualTo(added);

        Files.move(m.resolve("b2.sql"), m.resolve("b3.sql"));
        assertThat(dir(m)).as("a file renamed").isNotEqualTo(touched);
    }

    @Test
    void theSameFilesInAnotherLocationOrOrderDiffer() throws IOException {
        Path one = this.temp.resolve("one");
        Path two = this.temp.resolve("two");
        write(one.resolve("a1.sql"), script("a1", ""));
        write(two.resolve("b2.sql"), script("b2", "a1"));
        String both = ScriptLocations.fingerprint(List.of("filesystem:" + one, "filesystem:" + two), null, TRUST_ALL);
        assertThat(both).isNotEqualTo(dir(one)).isNotEqualTo(
                ScriptLocations.fingerprint(List.of("filesystem:" + two, "filesystem:" + one), null, TRUST_ALL));
    }

    @Test
    void justChangedFilesWithholdTheFingerprint() throws IOException {
        Path m = this.temp.resolve("m");
        write(m.resolve("a1.sql"), script("a1", ""));
        assertThat(ScriptLocations.fingerprint(List.of("filesystem:" + m), null)).isNull();
        Files.setLastModifiedTime(m.resolve("a1.sql"), FileTime.fromMillis(System.currentTimeMillis() + 60_000));
        assertThat(ScriptLocations.fingerprint(List.of("filesystem:" + m), null, TRUST_ALL)).as("modified in the future")
                .isNull();
    }

    @Test
    void aJarIsStampedByEntryCrcWithoutATimeToSettle() throws IOException {
        Map<String, String> entries = new LinkedHashMap<>();
        entries.put("db/migrations/a1.sql", script("a1", ""));
        entries.put("db/migrations/b2.sql", script("b2", "a1"));
        Path jar = jar(this.temp.resolve("one.jar"), entries);
        String first = fromJar(jar);
        assertThat(first).isNotNull().isEqualTo(ScriptLocations.fingerprint(List.of("classpath:db/migrations"),
                new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)));

        Path copy = jar(this.temp.resolve("copy.jar"), entries);
        assertThat(fromJar(copy)).as("the same content in another jar built later").isEqualTo(first);

        entries.put("db/migrations/b2.sql", script("b2", "a0"));
        assertThat(fromJar(jar(this.temp.resolve("changed.jar"), entries))).isNotEqualTo(first);
    }

    @Test
    void aClasspathDirectoryIsStampedLikeAFileSystemOne() {
        assertThat(ScriptLocations.fingerprint(List.of("classpath:script-fixtures/basic"), this.testLoader, TRUST_ALL))
                .isNotNull().isNotEqualTo(ScriptLocations.fingerprint(List.of("classpath:no/such/place"),
                        this.testLoader, TRUST_ALL));
    }

    private static String fromJar(Path jar) throws IOException {
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
            return ScriptLocations.fingerprint(List.of("classpath:db/migrations"), loader, TRUST_ALL);
        }
    }
}
