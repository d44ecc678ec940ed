package io.samokoder.migrations.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import io.samokoder.migrations.MigrationConfigurationException;
import io.samokoder.migrations.script.ScriptResource;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

class SpringScriptResourcesTests {

    private final PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();

    @Test
    void classpathLocationListsSqlFilesSortedByName() {
        List<ScriptResource> scripts = SpringScriptResources.resolve(this.resolver, List.of("classpath:db/migrations"));
        assertThat(scripts).extracting(ScriptResource::description)
            .containsExactly("classpath:db/migrations/001_aaaa00000001_create_accounts.sql",
                    "classpath:db/migrations/002_aaaa00000002_add_email.sql",
                    "classpath:db/migrations/003_aaaa00000003_create_orders.sql");
    }

    @Test
    void locationWithoutPrefixIsOnTheClassPath() {
        assertThat(SpringScriptResources.resolve(this.resolver, List.of("db/second/")))
            .extracting(ScriptResource::description)
            .containsExactly("classpath:db/second/001_bbbb00000001_create_audit.sql");
    }

    @Test
    void filesystemLocationAndOrderOfLocations(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("b.sql"), "-- b");
        Files.writeString(dir.resolve("a.sql"), "-- a");
        Files.writeString(dir.resolve("notes.txt"), "not a script");
        Files.createDirectory(dir.resolve("nested.sql"));
        List<ScriptResource> scripts = SpringScriptResources.resolve(this.resolver,
                List.of("filesystem:" + dir, "classpath:db/second"));
        assertThat(scripts).extracting(ScriptResource::fileName)
            .containsExactly("a.sql", "b.sql", "001_bbbb00000001_create_audit.sql");
        try (InputStream in = scripts.get(0).open()) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("-- a");
        }
    }

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void missingClasspathLocationContributesNothingAndIsWarnedOf(CapturedOutput output) {
        assertThat(SpringScriptResources.resolve(this.resolver, List.of("classpath:db/nowhere", "classpath:db/second")))
            .hasSize(1);
        assertThat(output).contains("Script location 'classpath:db/nowhere' (samokoder.migrations.locations) does not"
                + " exist on the class path; it adds no scripts");
    }

    @Test
    void missingDirectoryIsAnErrorBesideLocationsThatHaveScripts(@TempDir Path dir) throws IOException {
        Path missing = dir.resolve("nowhere");
        assertThatExceptionOfType(MigrationConfigurationException.class)
            .isThrownBy(() -> SpringScriptResources.resolve(this.resolver,
                    List.of("classpath:db/migrations", "filesystem:" + missing)))
            .withMessage("Script location 'filesystem:" + missing + "' (samokoder.migrations.locations) does not exist"
                    + " or is not a directory; create it or fix the location");
        Path file = Files.writeString(dir.resolve("file.sql"), "-- not a directory");
        assertThatExceptionOfType(MigrationConfigurationException.class)
            .isThrownBy(() -> SpringScriptResources.resolve(this.resolver, List.of("file:" + file)))
            .withMessageContaining("is not a directory");
        Files.createDirectory(dir.resolve("empty"));
        assertThat(SpringScriptResources.resolve(this.resolver, List.of("filesystem:" + dir.resolve("empty"))))
            .isEmpty();
    }

    @Test
    void locationWithAnUnknownPrefixIsAnErrorNamingIt() {
        assertThatExceptionOfType(MigrationConfigurationException.class)
            .isThrownBy(() -> SpringScriptResources.resolve(this.resolver, List.of("ftp:/x")))
            .withMessage("Script location 'ftp:/x' (samokoder.migrations.locations) has an unknown prefix; use"
                    + " 'classpath:' or 'filesystem:'");
    }

    @Test
    void emptyLocationIsAnError() {
        assertThatExceptionOfType(MigrationConfigurationException.class)
            .isThrownBy(() -> SpringScriptResources.resolve(this.resolver, List.of(" ")))
            .withMessageContaining("samokoder.migrations.locations");
    }

    @Test
    void scriptsInsideJarsAreFoundAndClasspathStarSeesEveryJar(@TempDir Path dir) throws IOException {
        Path first = jar(dir.resolve("first.jar"), "db/jarred/001_x.sql", "-- first");
        Path second = jar(dir.resolve("second.jar"), "db/jarred/002_y.sql", "-- second");
        try (URLClassLoader loader = new URLClassLoader(new URL[] { first.toUri().toURL(), second.toUri().toURL() },
                null)) {
            PathMatchingResourcePatternResolver jarResolver = new PathMatchingResourcePatternResolver(loader);
            List<ScriptResource> all = SpringScriptResources.resolve(jarResolver, List.of("classpath*:db/jarred"));
            assertThat(all).extracting(ScriptResource::fileName).containsExactly("001_x.sql", "002_y.sql");
            assertThat(all).extracting(ScriptResource::description)
                .containsExactly("classpath*:db/jarred/001_x.sql", "classpath*:db/jarred/002_y.sql");
            try (InputStream in = all.get(1).open()) {
                assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("-- second");
            }
            assertThat(SpringScriptResources.resolve(jarResolver, List.of("classpath:db/jarred"))).hasSize(1);
        }
    }

    @Test
    void jarEntriesAreStampedBySizeAndCrcAndFreshFilesAreNot(@TempDir Path dir) throws IOException {
        Path first = jar(dir.resolve("first.jar"), "db/jarred/001_x.sql", "-- first");
        Path changed = jar(dir.resolve("changed.jar"), "db/jarred/001_x.sql", "-- fir5t");
        String stamp = stampOf(first);
        assertThat(stamp).startsWith("jar 8 ");
        assertThat(stampOf(jar(dir.resolve("again.jar"), "db/jarred/001_x.sql", "-- first"))).isEqualTo(stamp);
        assertThat(stampOf(changed)).isNotEqualTo(stamp);

        Files.writeString(dir.resolve("a.sql"), "-- a");
        List<ScriptResource> files = SpringScriptResources.resolve(this.resolver, List.of("filesystem:" + dir));
        assertThat(files).singleElement().satisfies((file) -> assertThat(file.stamp())
            .as("a file changed within the last seconds is not trusted by its stamp").isNull());
    }

    private static String stampOf(Path jar) throws IOException {
        try (URLClassLoader loader = new URLClassLoader(new URL[] { jar.toUri().toURL() }, null)) {
            List<ScriptResource> found = SpringScriptResources
                .resolve(new PathMatchingResourcePatternResolver(loader), List.of("classpath:db/jarred"));
            assertThat(found).hasSize(1);
            return found.get(0).stamp();
        }
    }

    @Test
    void engineLocationsForTheFallback() {
        assertThat(MigrationsAutoConfiguration.engineLocations(
                List.of("classpath*:db/a", "filesystem:/srv/db", "db/b", "file:/srv/other")))
            .containsExactly("classpath:db/a", "filesystem:/srv/db", "classpath:db/b", "filesystem:/srv/other");
    }

    private static Path jar(Path path, String entry, String content) throws IOException {
        try (OutputStream out = Files.newOutputStream(path); JarOutputStream jar = new JarOutputStream(out)) {
            // Directory entries, as jar tools write them; Spring's class path scanning relies on them.
            String[] parts = entry.split("/");
            StringBuilder directory = new StringBuilder();
            for (int i = 0; i < parts.length - 1; i++) {
                directory.append(parts[i]).append('/');
                jar.putNextEntry(new JarEntry(directory.toString()));
                jar.closeEntry();
            }
            jar.putNextEntry(new JarEntry(entry));
            jar.write(content.getBytes(StandardCharsets.UTF_8));
            jar.closeEntry();
        }
        return path;
    }
}
