package io.samokoder.migrations.script;

import static io.samokoder.migrations.script.ScriptFiles.jar;
import static io.samokoder.migrations.script.ScriptFiles.script;
import static io.samokoder.migrations.script.ScriptFiles.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.junit.jupiter.api.io.TempDir;

class ScriptLocationsTest {

    @TempDir
    Path temp;

    private final ClassLoader testLoader = getClass().getClassLoader();

    private static List<String> names(List<ScriptResource> resources) {
        return resources.stream().map(ScriptResource::fileName).toList();
    }

    private static String read(ScriptResource resource) throws IOException {
        try (InputStream in = resource.open()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void classpathDirectoryListsSqlFilesDirectlyInItSorted() {
        List<ScriptResource> found = ScriptLocations.resolve(List.of("classpath:script-fixtures/basic"), this.testLoader);
        assertThat(names(found)).containsExactly("c0001_first.sql", "c0002_second.sql");
        assertThat(found.get(0).description()).isEqualTo("classpath:script-fixtures/basic/c0001_first.sql");
    }

    @Test
    void classpathIsTheDefaultPrefixAndSlashesAreTrimmed() {
        assertThat(names(ScriptLocations.resolve(List.of("script-fixtures/basic"), this.testLoader)))
                .containsExactly("c0001_first.sql", "c0002_second.sql");
        assertThat(names(ScriptLocations.resolve(List.of("classpath:/script-fixtures/basic/"), this.testLoader)))
                .containsExactly("c0001_first.sql", "c0002_second.sql");
    }

    @Test
    void missingClasspathLocationYieldsNothing() {
        assertThat(ScriptLocations.resolve(List.of("classpath:no/such/place"), this.testLoader)).isEmpty();
    }

    @Test
    void filesystemLocationListsFilesAndSkipsOthers() throws IOException {
        write(this.temp.resolve("m/b2.sql"), script("b2", "a1"));
        write(this.temp.resolve("m/a1.sql"), script("a1", ""));
        write(this.temp.resolve("m/notes.md"), "x");
        write(this.temp.resolve("m/.hidden.sql"), "x");
        write(this.temp.resolve("m/deeper/c3.sql"), script("c3", "b2"));
        List<ScriptResource> found = ScriptLocations.resolve(List.of("filesystem:" + this.temp.resolve("m")), this.testLoader);
        assertThat(names(found)).containsExactly("a1.sql", "b2.sql");
        assertThat(found.get(0).description()).isEqualTo("filesystem:" + this.temp.resolve("m") + "/a1.sql");
    }

    @Test
    void alembicsPythonRevisionsAloneAreAnErrorSayingToPortThem() throws IOException {
        write(this.temp.resolve("alembic/env.py"), "x");
        write(this.temp.resolve("alembic/script.py.mako"), "x");
        write(this.temp.resolve("alembic/versions/1975ea83b712_create_account_table.py"), "x");
        String tail = " and no revision scripts (*.sql): Samokoder Migrations runs SQL scripts and Java revisions,"
                + " not Alembic's Python ones. Port each revision to a script that keeps its Revision ID and"
                + " down_revision (README, 'Coming from Alembic, Flyway or Liquibase'), or point the location at the"
                + " scripts.";
        String versions = "filesystem:" + this.temp.resolve("alembic/versions");
        assertThatThrownBy(() -> ScriptLocations.resolve(List.of(versions), null))
                .isInstanceOf(ScriptLocationException.class)
                .hasMessage("Script location '" + versions + "' holds Python files"
                        + " (1975ea83b712_create_account_table.py)" + tail);
        String root = "filesystem:" + this.temp.resolve("alembic");
        assertThatThrownBy(() -> ScriptLocations.list(List.of(root), null))
                .hasMessage("Script location '" + root + "' holds Alembic's script directory (env.py; its revisions"
                        + " are in versions/)" + tail);
        assertThatThrownBy(() -> ScriptLocations.fingerprint(List.of(root), null))
                .isInstanceOf(ScriptLocationException.class);

        // Beside scripts, Python files are passed over like any other file.
        write(this.temp.resolve("alembic/versions/1975ea83b712_create_account_table.sql"), script("1975ea83b712", ""));
        assertThat(names(ScriptLocations.resolve(List.of(versions), null)))
                .containsExactly("1975ea83b712_create_account_table.sql");
    }

    @Test
    void missingFilesystemLocationIsAnErrorNamingIt() {
        String location = "filesystem:" + this.temp.resolve("absent");
        assertThatThrownBy(() -> ScriptLocations.resolve(List.of(location), this.testLoader))
                .isInstanceOf(ScriptLocationException.class)
                .hasMessageContaining("'" + location + "' does not exist or is not a directory");
    }

    @Test
    void filesystemLocationThatIsAFileIsAnError() throws IOException {
        Path file = write(this.temp.resolve("a1.sql"), script("a1", ""));
        assertThatThrownBy(() -> ScriptLocations.resolve(List.of("filesystem:" + file), this.testLoader))
                .isInstanceOf(ScriptLocationException.class);
    }

    @Test
    void unknownPrefixIsAnError() {
        assertThatThrownBy(() -> ScriptLocations.resolve(List.of("s3:bucket/migrations"), this.testLoader))
                .isInstanceOf(ScriptLocationException.class)
                .hasMessageContaining("'s3:bucket/migrations' has an unknown prefix");
    }

    @Test
    void locationsKeepTheirGivenOrder() throws IOException {
        write(this.temp.resolve("later/a0.sql"), script("a0", ""));
        List<ScriptResource> found = ScriptLocations.resolve(
                List.of("classpath:script-fixtures/basic", "filesystem:" + this.temp.resolve("later")), this.testLoader);
        assertThat(names(found)).containsExactly("c0001_first.sql", "c0002_second.sql", "a0.sql");
    }

    /** The WARN lines the listing logs while {@code listing} runs. */
    private static List<String> warnings(Runnable listing) {
        Logger logger = (Logger) LoggerFactory.getLogger(ScriptLocations.class);
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        logger.addAppender(appender);
        try {
            listing.run();
        } finally {
            logger.detachAppender(appender);
        }
        return appender.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
    }

    @Test
    void aScriptNamedInAnotherCaseFailsInsteadOfBeingPassedOver() throws IOException {
        write(this.temp.resolve("m/a1.sql"), script("a1", ""));
        write(this.temp.resolve("m/b2_add_users.SQL"), script("b2", "a1"));
        String location = "filesystem:" + this.temp.resolve("m");
        assertThatThrownBy(() -> ScriptLocations.resolve(List.of(location), this.testLoader))
                .isInstanceOf(ScriptLocationException.class)
                .hasMessage("Script location '" + location + "' has b2_add_users.SQL, whose extension is not '.sql'"
                        + " in lower case, so it would be passed over; rename it to b2_add_users.sql");
        // The fast start's fingerprint lists the same way.
        assertThatThrownBy(() -> ScriptLocations.fingerprint(List.of(location), this.testLoader))
                .isInstanceOf(ScriptLocationException.class);

        Path jarFile = jar(this.temp.resolve("cased.jar"), Map.of("db/migrations/r1.Sql", script("r1", "")));
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jarFile.toUri().toURL()}, null)) {
            assertThatThrownBy(() -> ScriptLocations.resolve(List.of("classpath:db/migrations"), loader))
                    .hasMessageContaining("has r1.Sql, whose extension is not '.sql' in lower case");
        }
    }

    @Test
    void scriptsInASubdirectoryAreNotReadAndSaidSo() throws IOException {
        write(this.temp.resolve("m/a1.sql"), script("a1", ""));
        write(this.temp.resolve("m/v2/b2.sql"), script("b2", "a1"));
        write(this.temp.resolve("m/notes/readme.txt"), "x");
        String location = "filesystem:" + this.temp.resolve("m");
        List<String> warned = warnings(() -> assertThat(names(ScriptLocations.resolve(List.of(location),
                this.testLoader))).containsExactly("a1.sql"));
        assertThat(warned).containsExactly("Script location '" + location + "' has scripts in a subdirectory"
                + " (v2/b2.sql), which are not read: a location's scripts are the files directly in it. Move them up,"
                + " or add the subdirectory to the locations");

        Map<String, String> entries = new LinkedHashMap<>();
        entries.put("db/migrations/r1.sql", script("r1", ""));
        entries.put("db/migrations/old/r0.sql", script("r0", ""));
        entries.put("db/migrations/old/r00.sql", script("r00", ""));
        Path jarFile = jar(this.temp.resolve("nested.jar"), entries);
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jarFile.toUri().toURL()}, null)) {
            assertThat(warnings(() -> ScriptLocations.resolve(List.of("classpath:db/migrations"), loader)))
                    .singleElement().asString().contains("(old/r0.sql)");
        }
    }

    @Test
    void jarLocationIsListedAndReadable() throws IOException {
        Map<String, String> entries = new LinkedHashMap<>();
        entries.put("db/migrations/r2_two.sql", script("r2", "r1"));
        entries.put("db/migrations/r1_one.sql", script("r1", ""));
        entries.put("db/migrations/nested/r9.sql", script("r9", "r2"));
        entries.put("db/migrations/readme.txt", "x");
        entries.put("db/other/r5.sql", script("r5", ""));
        Path jarFile = jar(this.temp.resolve("scripts.jar"), entries);
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jarFile.toUri().toURL()}, null)) {
            List<ScriptResource> found = ScriptLocations.resolve(List.of("classpath:db/migrations"), loader);
            assertThat(names(found)).containsExactly("r1_one.sql", "r2_two.sql");
            assertThat(found.get(1).description()).isEqualTo("classpath:db/migrations/r2_two.sql");
            assertThat(read(found.get(1))).isEqualTo(script("r2", "r1"));
        }
    }

    @Test
    void filesAreSortedByNameAcrossClasspathRoots() throws IOException {
        Path dirRoot = this.temp.resolve("classes");
        write(dirRoot.resolve("db/migrations/b_2.sql"), script("b2", "a1"));
        write(dirRoot.resolve("db/migrations/d_4.sql"), script("d4", "c3"));
        Map<String, String> entries = new LinkedHashMap<>();
        entries.put("db/migrations/a_1.sql", script("a1", ""));
        entries.put("db/migrations/c_3.sql", script("c3", "b2"));
        Path jarFile = jar(this.temp.resolve("lib.jar"), entries);
        try (URLClassLoader loader = new URLClassLoader(
                new URL[] {dirRoot.toUri().toURL(), jarFile.toUri().toURL()}, null)) {
            List<ScriptResource> found = ScriptLocations.resolve(List.of("db/migrations"), loader);
            assertThat(names(found)).containsExactly("a_1.sql", "b_2.sql", "c_3.sql", "d_4.sql");
            assertThat(read(found.get(0))).contains("Revision ID: a1");
            assertThat(read(found.get(1))).contains("Revision ID: b2");
        }
    }

    @Test
    void rootSeenTwiceByTheClassLoaderIsListedOnce() throws IOException {
        Path dirRoot = this.temp.resolve("classes");
        write(dirRoot.resolve("db/m/a_1.sql"), script("a1", ""));
        URL url = dirRoot.toUri().toURL();
        try (URLClassLoader parent = new URLClassLoader(new URL[] {url}, null);
                URLClassLoader child = new URLClassLoader(new URL[] {url}, parent)) {
            assertThat(names(ScriptLocations.resolve(List.of("db/m"), child))).containsExactly("a_1.sql");
        }
    }
}
