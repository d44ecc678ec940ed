package io.samokoder.migrations.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.samokoder.migrations.MigrationsConfig;
import io.samokoder.migrations.java.JavaRevision;
import io.samokoder.migrations.java.Revision;
import io.samokoder.migrations.ops.Operations;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The catalog's fingerprint taken ahead of the fast start's query: the same value, kept or dropped, and
 * once dropped no Java revision stamped ahead.
 */
class CatalogTest {

    private static Path jar(Path file, int scripts) throws IOException {
        try (OutputStream out = Files.newOutputStream(file); JarOutputStream jar = new JarOutputStream(out)) {
            jar.putNextEntry(new JarEntry("db/migrations/"));
            jar.closeEntry();
            for (int i = 1; i <= scripts; i++) {
                jar.putNextEntry(new JarEntry("db/migrations/r" + i + ".sql"));
                jar.write(("-- Revision ID: r" + i + "\n-- Revises: " + (i == 1 ? "" : "r" + (i - 1))
                        + "\n\n-- migrate:upgrade\nCREATE TABLE t" + i + " (id int);\n\n-- migrate:downgrade\n"
                        + "DROP TABLE t" + i + ";\n").getBytes(StandardCharsets.UTF_8));
                jar.closeEntry();
            }
        }
        return file;
    }

    private static MigrationsConfig config(ClassLoader loader) {
        return MigrationsConfig.builder().locations("classpath:db/migrations").classLoader(loader).build();
    }

    @Test
    void aFingerprintTakenAheadIsTheOneAskedForLater(@TempDir Path dir) throws IOException {
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar(dir.resolve("app.jar"), 300).toUri().toURL()},
                null)) {
            String expected = new Catalog(config(loader)).fingerprint();
            assertThat(expected).isNotNull();

            Catalog ahead = new Catalog(config(loader));
            ahead.startAhead();
            assertThat(ahead.fingerprint()).isEqualTo(expected);
        }
    }

    @Revision(id = "j1", revises = "r1")
    static final class SlowToRecord implements JavaRevision {

        final CountDownLatch recording = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);

        @Override
        public void upgrade(Operations op) {
            this.recording.countDown();
            try {
                this.release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            op.execute("SELECT 1");
        }
    }

    @Test
    void javaRevisionsRecordedAheadAreNotStampedOnceTheFingerprintIsDropped(@TempDir Path dir) throws Exception {
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar(dir.resolve("app.jar"), 1).toUri().toURL()},
                null)) {
            SlowToRecord revision = new SlowToRecord();
            MigrationsConfig config = config(loader).toBuilder().javaRevisions(List.of(revision)).build();
            SlowToRecord released = new SlowToRecord();
            released.release.countDown();
            String expected = new Catalog(config(loader).toBuilder().javaRevisions(List.of(released)).build())
                    .fingerprint();

            Catalog dropped = new Catalog(config);
            dropped.startAhead();
            assertThat(revision.recording.await(10, TimeUnit.SECONDS)).isTrue();
            dropped.dropAhead();
            revision.release.countDown();
            // The thread ahead made the Java revisions' scripts for the load, and stopped there: their
            // stamps are taken when the fingerprint is asked for, at the end of the full path's run.
            assertThat(dropped.fingerprintTaken()).isFalse();
            assertThat(dropped.scripts()).hasSize(2);
            assertThat(dropped.fingerprint()).isEqualTo(expected);
        }
    }

    @Test
    void aFingerprintDroppedAheadIsTakenWhenAskedFor(@TempDir Path dir) throws IOException {
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar(dir.resolve("app.jar"), 300).toUri().toURL()},
                null)) {
            String expected = new Catalog(config(loader)).fingerprint();

            Catalog dropped = new Catalog(config(loader));
            dropped.startAhead();
            dropped.dropAhead();
            assertThat(dropped.scripts()).hasSize(300);
            assertThat(dropped.fingerprint()).isEqualTo(expected);
        }
    }
}
