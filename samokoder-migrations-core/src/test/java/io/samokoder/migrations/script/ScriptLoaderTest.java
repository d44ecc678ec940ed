package io.samokoder.migrations.script;

import static io.samokoder.migrations.script.ScriptFiles.jar;
import static io.samokoder.migrations.script.ScriptFiles.script;
import static io.samokoder.migrations.script.ScriptFiles.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScriptLoaderTest {

    @TempDir
    Path temp;

    private static List<String> ids(List<RevisionScript> scripts) {
        return scripts.stream().map(RevisionScript::id).toList();
    }

    @Test
    void loadsClasspathResourcesInOrder() {
        List<RevisionScript> scripts = ScriptLoader.load(ScriptLocations.resolve(
                List.of("classpath:script-fixtures/basic"), getClass().getClassLoader()));
        assertThat(ids(scripts)).containsExactly("c0001", "c0002");
        RevisionScript second = scripts.get(1);
        assertThat(second.downRevisions()).containsExactly("c0001");
        assertThat(second.transactional()).isFalse();
        assertThat(second.reversible()).isFalse();
        assertThat(second.description()).isEqualTo("classpath:script-fixtures/basic/c0002_second.sql");
        assertThat(second.revision().source()).isEqualTo(second.description());
        assertThat(second.upgradeStatements())
                .containsExactly(new SqlStatement("CREATE INDEX CONCURRENTLY ix_first ON first (id)", 1, 7));
    }

    @Test
    void loadsCrlfFileWithBomFromClasspath() throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/script-fixtures/crlf/w0001_windows.sql")) {
            byte[] bytes = in.readAllBytes();
            assertThat(new String(bytes, StandardCharsets.UTF_8)).startsWith("\uFEFF").contains("\r\n");
        }
        RevisionScript script = ScriptLoader.load(ScriptLocations.resolve(
                List.of("script-fixtures/crlf"), getClass().getClassLoader())).get(0);
        assertThat(script.id()).isEqualTo("w0001");
        assertThat(script.message()).isEqualTo("Windows file");
        assertThat(script.upgradeStatements()).containsExactly(
                new SqlStatement("CREATE TABLE w (id int)", 1, 6), new SqlStatement("INSERT INTO w VALUES (1)", 2, 7));
        assertThat(script.downgradeStatements()).containsExactly(new SqlStatement("DROP TABLE w", 1, 10));
    }

    @Test
    void loadsRealFilesFromADirectoryWithLineNumbersOfTheFile() throws IOException {
        Path dir = this.temp.resolve("migrations");
        write(dir.resolve("0001_a.sql"), ScriptHeaderTest.FULL);
        write(dir.resolve("0002_b.sql"), script("b2", "3f2a9c1b7d4e"));
        List<RevisionScript> scripts = ScriptLoader.load(
                ScriptLocations.resolve(List.of("filesystem:" + dir), getClass().getClassLoader()));
        assertThat(ids(scripts)).containsExactly("3f2a9c1b7d4e", "b2");
        assertThat(scripts.get(0).upgradeStatements()).extracting(SqlStatement::line).containsExactly(13, 14);
        assertThat(scripts.get(1).downgradeStatements()).containsExactly(new SqlStatement("SELECT 'undo b2'", 1, 9));
    }

    @Test
    void loadsCrLfAndCrOnlyFilesFromDisk() throws IOException {
        Path crlf = this.temp.resolve("crlf.sql");
        Files.write(crlf, ("\uFEFF" + ScriptHeaderTest.FULL.replace("\n", "\r\n")).getBytes(StandardCharsets.UTF_8));
        Path cr = this.temp.resolve("cr.sql");
        Files.write(cr, ScriptHeaderTest.FULL.replace("\n", "\r").getBytes(StandardCharsets.UTF_8));
        Path lf = this.temp.resolve("lf.sql");
        Files.write(lf, ScriptHeaderTest.FULL.getBytes(StandardCharsets.UTF_8));
        List<RevisionScript> scripts = ScriptLoader.load(List.of(SimpleScriptResource.ofPath(crlf),
                SimpleScriptResource.ofPath(cr), SimpleScriptResource.ofPath(lf)));
        for (RevisionScript script : scripts) {
            assertThat(script.id()).isEqualTo("3f2a9c1b7d4e");
            assertThat(script.message()).isEqualTo("Add users table");
            assertThat(script.upgradeStatements()).isEqualTo(scripts.get(2).upgradeStatements());
            assertThat(script.downgradeStatements()).isEqualTo(scripts.get(2).downgradeStatements());
            assertThat(script.checksum()).isEqualTo(scripts.get(2).checksum());
        }
    }

    @Test
    void loadsScriptsFromAJarBuiltInTheTest() throws IOException {
        Map<String, String> entries = new LinkedHashMap<>();
        entries.put("db/migrations/0002_users.sql", ScriptHeaderTest.FULL.replace("1c9d2e4f6a8b", "r1"));
        entries.put("db/migrations/0001_root.sql", script("r1", ""));
        Path jarFile = jar(this.temp.resolve("app.jar"), entries);
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jarFile.toUri().toURL()}, null)) {
            List<RevisionScript> scripts = ScriptLoader.load(ScriptLocations.resolve(List.of("db/migrations"), loader));
            assertThat(ids(scripts)).containsExactly("r1", "3f2a9c1b7d4e");
            assertThat(scripts.get(1).downRevisions()).containsExactly("r1");
            assertThat(scripts.get(1).description()).isEqualTo("classpath:db/migrations/0002_users.sql");
            assertThat(scripts.get(1).upgradeStatements()).hasSize(2);
        }
    }

    @Test
    void aDirectoryNamedLikeAScriptFailsWhenReadNamingIt() throws IOException {
        Path dir = this.temp.resolve("withdir");
        write(dir.resolve("a1.sql"), script("a1", ""));
        Files.createDirectories(dir.resolve("b2.sql"));
        List<ScriptResource> found = ScriptLocations.resolve(List.of("filesystem:" + dir), getClass().getClassLoader());
        assertThat(found).extracting(ScriptResource::fileName).containsExactly("a1.sql", "b2.sql");
        assertThatThrownBy(() -> ScriptLoader.load(found))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("filesystem:" + dir + "/b2.sql")
                .hasMessageContaining("it is a directory");
    }

    @Test
    void fileResourcesReadTheSameAsTheirStreams() throws IOException {
        Path file = write(this.temp.resolve("same/a1.sql"), script("a1", ""));
        SimpleScriptResource resource = SimpleScriptResource.ofPath(file);
        byte[] streamed;
        try (InputStream in = resource.open()) {
            streamed = in.readAllBytes();
        }
        ScriptBytes read = resource.readBytes();
        assertThat(Arrays.copyOf(read.array, read.length)).isEqualTo(streamed);
        assertThat(ScriptLoader.load(List.of(resource)).get(0).id()).isEqualTo("a1");
    }

    @Test
    void manyScriptsLoadInTheGivenOrderWhenReadInParallel() {
        int count = ScriptLoader.PARALLEL_THRESHOLD * 4 + 17;
        List<ScriptResource> resources = new ArrayList<>();
        for (int i = count; i > 0; i--) {
            resources.add(SimpleScriptResource.ofText("r" + i + ".sql", script("r" + i, i == count ? "" : "r" + (i + 1))));
        }
        List<RevisionScript> scripts = ScriptLoader.load(resources);
        assertThat(scripts).hasSize(count);
        for (int k = 0; k < count; k++) {
            assertThat(scripts.get(k).id()).isEqualTo("r" + (count - k));
            assertThat(scripts.get(k).description()).isEqualTo("r" + (count - k) + ".sql");
        }
    }

    @Test
    void otherResourceImplementationsAreReadOnTheCallingThreadOnly() {
        Thread caller = Thread.currentThread();
        List<Thread> openedOn = Collections.synchronizedList(new ArrayList<>());
        List<ScriptResource> resources = new ArrayList<>();
        for (int i = 0; i < ScriptLoader.PARALLEL_THRESHOLD * 2; i++) {
            SimpleScriptResource inner = SimpleScriptResource.ofText("o" + i + ".sql", script("o" + i, ""));
            resources.add(new ScriptResource() {
                @Override
                public String fileName() {
                    return inner.fileName();
                }

                @Override
                public String description() {
                    return inner.description();
                }

                @Override
                public InputStream open() throws IOException {
                    openedOn.add(Thread.currentThread());
                    return inner.open();
                }
            });
        }
        assertThat(ScriptLoader.load(resources)).hasSize(resources.size());
        assertThat(openedOn).hasSize(resources.size()).containsOnly(caller);
    }

    @Test
    void theFirstBrokenScriptInOrderIsReportedWhenReadInParallel() {
        int count = ScriptLoader.PARALLEL_THRESHOLD * 4;
        for (int firstBad : new int[] {3, ScriptLoader.PARALLEL_THRESHOLD + 5, count - 1}) {
            List<ScriptResource> resources = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                boolean bad = i == firstBad || (i > firstBad && i % 97 == 0);
                resources.add(SimpleScriptResource.ofText("s" + i + ".sql",
                        bad ? "-- broken\n-- Revision ID: s" + i + "\n-- Nonsense: x\n" : script("s" + i, "")));
            }
            assertThatThrownBy(() -> ScriptLoader.load(resources))
                    .isInstanceOf(ScriptFormatException.class)
                    .hasMessageContaining("s" + firstBad + ".sql")
                    .hasMessageContaining("Unknown header key 'Nonsense'");
        }
    }

    @Test
    void contentHashesAreTheSha256OfTheBytesAsReadAndOnlyWhenAskedFor() throws Exception {
        Path dir = this.temp.resolve("hashed");
        String crlf = "\uFEFF" + script("h1", "").replace("\n", "\r\n");
        Path first = write(dir.resolve("h1.sql"), crlf);
        Path second = write(dir.resolve("h2.sql"), script("h2", "h1"));
        List<ScriptResource> resources = ScriptLocations.resolve(List.of("filesystem:" + dir), getClass().getClassLoader());
        List<RevisionScript> hashed = ScriptLoader.loadWithContentHashes(resources);
        assertThat(hashed.get(0).contentHash()).contains(sha256Hex(Files.readAllBytes(first)));
        assertThat(hashed.get(1).contentHash()).contains(sha256Hex(Files.readAllBytes(second)));
        assertThat(hashed.get(0).contentHash()).isNotEqualTo(hashed.get(1).contentHash());
        assertThat(ScriptLoader.load(resources).get(0).contentHash()).isEmpty();
        assertThat(hashed.get(0).checksum()).isEqualTo(ScriptLoader.load(resources).get(0).checksum());
    }

    @Test
    void aContentHashIsTheFilesWhateverTheTextAndWhetherNormalisingChangedIt() throws Exception {
        Path dir = this.temp.resolve("hashed-kinds");
        // Normalised (taken from the bytes at load): a byte order mark alone, CR line endings alone.
        // Kept as read (computed from the text when asked): non-ASCII UTF-8, and a real U+FFFD.
        Map<String, String> texts = new LinkedHashMap<>();
        texts.put("k1", "\uFEFF" + script("k1", ""));
        texts.put("k2", script("k2", "k1").replace("\n", "\r"));
        texts.put("k3", script("k3", "k2").replace("-- migrate:upgrade\n",
                "-- migrate:upgrade\nINSERT INTO t VALUES ('Grüße, 東京, \uD83D\uDE00');\n"));
        texts.put("k4", script("k4", "k3").replace("-- migrate:upgrade\n",
                "-- migrate:upgrade\nINSERT INTO t VALUES ('\uFFFD');\n"));
        for (Map.Entry<String, String> e : texts.entrySet()) {
            write(dir.resolve(e.getKey() + ".sql"), e.getValue());
        }
        List<ScriptResource> resources = ScriptLocations.resolve(List.of("filesystem:" + dir), getClass().getClassLoader());
        for (List<RevisionScript> hashed : List.of(ScriptLoader.loadWithContentHashes(resources),
                ScriptLoader.loadHashingOnDemand(resources))) {
            assertThat(hashed).extracting(RevisionScript::id).containsExactly("k1", "k2", "k3", "k4");
            for (RevisionScript script : hashed) {
                byte[] bytes = Files.readAllBytes(dir.resolve(script.id() + ".sql"));
                assertThat(script.contentHash()).as(script.id()).contains(sha256Hex(bytes));
                assertThat(script.contentHash()).as("the same when asked again").contains(sha256Hex(bytes));
            }
        }
    }

    @Test
    void contentHashesBelongToTheirScriptsWhenReadInParallel() throws Exception {
        int count = ScriptLoader.PARALLEL_THRESHOLD * 3;
        List<ScriptResource> resources = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            resources.add(SimpleScriptResource.ofText("p" + i + ".sql", script("p" + i, "")));
        }
        for (List<RevisionScript> scripts : List.of(ScriptLoader.loadWithContentHashes(resources),
                ScriptLoader.loadHashingOnDemand(resources))) {
            for (int i = 0; i < count; i++) {
                assertThat(scripts.get(i).contentHash())
                        .contains(sha256Hex(script("p" + i, "").getBytes(StandardCharsets.UTF_8)));
            }
        }
        assertThat(ScriptLoader.load(resources)).allSatisfy(s -> assertThat(s.contentHash())
                .as("loaded without hashes").isEmpty());
    }

    private static String sha256Hex(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    @Test
    void headerErrorInAFileNamesTheFileDescriptionAndLine() throws IOException {
        Path dir = this.temp.resolve("bad");
        write(dir.resolve("0001_bad.sql"), "-- m\n-- Revision ID: r1\n-- Transactional: maybe\n\n-- migrate:upgrade\n");
        List<ScriptResource> resources = ScriptLocations.resolve(List.of("filesystem:" + dir), getClass().getClassLoader());
        assertThatThrownBy(() -> ScriptLoader.load(resources))
                .isInstanceOfSatisfying(ScriptFormatException.class, e -> {
                    assertThat(e.file()).isEqualTo("filesystem:" + dir + "/0001_bad.sql");
                    assertThat(e.line()).isEqualTo(3);
                })
                .hasMessage("filesystem:" + dir + "/0001_bad.sql:3: Invalid Transactional 'maybe'; use true or false");
    }

    @Test
    void lexerErrorInAJarNamesTheFileAndStartLine() throws IOException {
        Path jarFile = jar(this.temp.resolve("bad.jar"), Map.of("db/m/0001.sql",
                "-- m\n-- Revision ID: r1\n\n-- migrate:upgrade\nSELECT 1;\nDO $$ BEGIN\nNULL;\n"));
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jarFile.toUri().toURL()}, null)) {
            RevisionScript script = ScriptLoader.load(ScriptLocations.resolve(List.of("db/m"), loader)).get(0);
            assertThatThrownBy(script::upgradeStatements)
                    .hasMessageStartingWith("classpath:db/m/0001.sql:6: Unterminated dollar-quoted string $$");
        }
    }

    @Test
    void invalidUtf8IsAFormatErrorWithItsLine() throws IOException {
        Path file = this.temp.resolve("latin1.sql");
        Files.write(file, "-- caf\u00e9\n-- Revision ID: r1\n".getBytes(StandardCharsets.ISO_8859_1));
        assertThatThrownBy(() -> ScriptLoader.load(List.of(SimpleScriptResource.ofPath(file, "x/latin1.sql"))))
                .isInstanceOf(ScriptFormatException.class)
                .hasMessage("x/latin1.sql:1: The file is not valid UTF-8; save it with UTF-8 encoding");
    }

    @Test
    void invalidUtf8LaterInTheFileReportsItsLine() throws IOException {
        Path file = this.temp.resolve("bad.sql");
        byte[] head = "-- m\n-- Revision ID: r1\n-- migrate:upgrade\nSELECT '".getBytes(StandardCharsets.UTF_8);
        byte[] bytes = Arrays.copyOf(head, head.length + 3);
        bytes[head.length] = (byte) 0xC3;
        bytes[head.length + 1] = '\'';
        bytes[head.length + 2] = ';';
        Files.write(file, bytes);
        assertThatThrownBy(() -> ScriptLoader.load(List.of(SimpleScriptResource.ofPath(file, "bad.sql"))))
                .isInstanceOf(ScriptFormatException.class).hasMessageStartingWith("bad.sql:4: The file is not valid UTF-8");
    }

    @Test
    void realReplacementCharacterIsAccepted() {
        RevisionScript script = ScriptLoader.load(List.of(SimpleScriptResource.ofText("r.sql",
                "-- m \uFFFD\n-- Revision ID: r1\n-- migrate:upgrade\nSELECT 1;"))).get(0);
        assertThat(script.message()).isEqualTo("m \uFFFD");
    }

    @Test
    void unreadableResourceIsAnUncheckedIoErrorNamingIt() {
        ScriptResource missing = SimpleScriptResource.ofPath(this.temp.resolve("gone.sql"), "filesystem:gone.sql");
        assertThatThrownBy(() -> ScriptLoader.load(List.of(missing)))
                .isInstanceOf(UncheckedIOException.class).hasMessageContaining("filesystem:gone.sql");
    }

    @Test
    void inMemoryResourceAndGivenOrderIsKept() {
        List<ScriptResource> resources = new ArrayList<>();
        resources.add(SimpleScriptResource.ofText("z.sql", script("z9", "a1")));
        resources.add(SimpleScriptResource.ofText("a.sql", script("a1", "")));
        List<RevisionScript> scripts = ScriptLoader.load(resources);
        assertThat(ids(scripts)).containsExactly("z9", "a1");
        assertThat(scripts.get(0).description()).isEqualTo("z.sql");
    }

    @Test
    void utf8ContentSurvives() {
        RevisionScript script = ScriptLoader.load(List.of(SimpleScriptResource.ofText("u.sql",
                "-- Добавить таблицу\n-- Revision ID: u1\n-- migrate:upgrade\nINSERT INTO t VALUES ('привет');"))).get(0);
        assertThat(script.message()).isEqualTo("Добавить таблицу");
        assertThat(script.upgradeStatements().get(0).sql()).isEqualTo("INSERT INTO t VALUES ('привет')");
    }

    @Test
    void manyScriptsLoadWithoutSplitting() {
        List<ScriptResource> resources = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            resources.add(SimpleScriptResource.ofText("s" + i + ".sql",
                    script("r" + i, i == 0 ? "" : "r" + (i - 1)) + "SELECT 'never split;\n"));
        }
        List<RevisionScript> scripts = ScriptLoader.load(resources);
        assertThat(scripts).hasSize(2000);
        assertThat(scripts.get(1999).downRevisions()).containsExactly("r1998");
        assertThatThrownBy(() -> scripts.get(5).downgradeStatements()).isInstanceOf(ScriptFormatException.class);
    }
}
