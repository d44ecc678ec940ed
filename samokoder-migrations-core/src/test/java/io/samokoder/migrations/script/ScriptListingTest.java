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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link ScriptLocations#list}: one listing serves the load, and the fingerprint taken from it after the
 * scripts were read is the one a separate pass would give, or none when a script changed meanwhile.
 */
class ScriptListingTest {

    @TempDir
    Path temp;

    /** File times are coarse and the clock is read in milliseconds: keep clear of both. */
    private static final long GAP_MILLIS = 50;

    /** Files settled as soon as they are older than the listing (the engine asks two seconds). */
    private static ScriptListing listNow(List<String> locations, ClassLoader loader) throws InterruptedException {
        Thread.sleep(GAP_MILLIS);
        ScriptListing listing = ScriptLocations.list(locations, loader, 0);
        Thread.sleep(GAP_MILLIS);
        return listing;
    }

    private Path directory() throws IOException {
        Path m = this.temp.resolve("m");
        write(m.resolve("b2.sql"), script("b2", "a1"));
        write(m.resolve("a1.sql"), script("a1", ""));
        write(m.resolve("c3.sql"), script("c3", "b2"));
        write(m.resolve("notes.txt"), "not a script");
        return m;
    }

    @Test
    void theListingsResourcesAreThoseResolveGives() throws Exception {
        Path m = directory();
        List<String> locations = List.of("filesystem:" + m);
        ScriptListing listing = listNow(locations, null);
        List<ScriptResource> resolved = ScriptLocations.resolve(locations, null);
        assertThat(listing.resources()).extracting(ScriptResource::description)
                .containsExactlyElementsOf(resolved.stream().map(ScriptResource::description).toList())
                .containsExactly("filesystem:" + m + "/a1.sql", "filesystem:" + m + "/b2.sql",
                        "filesystem:" + m + "/c3.sql");
    }

    @Test
    void theFingerprintTakenAfterReadingIsTheOneAPassBeforeGives() throws Exception {
        Path m = directory();
        Path other = this.temp.resolve("other");
        write(other.resolve("d4.sql"), script("d4", "c3"));
        Map<String, String> entries = new LinkedHashMap<>();
        entries.put("db/migrations/e5.sql", script("e5", "d4"));
        entries.put("db/migrations/f6.sql", script("f6", "e5"));
        Path jarFile = jar(this.temp.resolve("app.jar"), entries);
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jarFile.toUri().toURL()}, null)) {
            List<String> locations = List.of("filesystem:" + m, "filesystem:" + other, "classpath:db/migrations");
            ScriptListing listing = listNow(locations, loader);
            ScriptLoader.loadWithContentHashes(listing.resources());
            String before = ScriptLocations.fingerprint(locations, loader, 0);
            assertThat(listing.fingerprint()).hasSize(32).isEqualTo(before).isEqualTo(listing.fingerprint());
        }
    }

    @Test
    void aScriptRewrittenAfterTheListingWithholdsTheFingerprint() throws Exception {
        Path m = directory();
        ScriptListing listing = listNow(List.of("filesystem:" + m), null);
        // The same text: only the change time tells, and it cannot be set back.
        write(m.resolve("b2.sql"), script("b2", "a1"));
        assertThat(listing.fingerprint()).isNull();
    }

    @Test
    void aScriptGoneAfterTheListingWithholdsTheFingerprint() throws Exception {
        Path m = directory();
        ScriptListing listing = listNow(List.of("filesystem:" + m), null);
        Files.delete(m.resolve("c3.sql"));
        assertThat(listing.fingerprint()).isNull();
    }

    @Test
    void aScriptAddedAfterTheListingIsNotVouchedFor() throws Exception {
        Path m = directory();
        List<String> locations = List.of("filesystem:" + m);
        ScriptListing listing = listNow(locations, null);
        String listed = ScriptLocations.fingerprint(locations, null, 0);
        write(m.resolve("d4.sql"), script("d4", "c3"));
        assertThat(listing.fingerprint()).isEqualTo(listed)
                .isNotEqualTo(ScriptLocations.fingerprint(locations, null, -1_000_000_000L));
    }

    @Test
    void aScriptChangedJustBeforeTheListingWithholdsTheFingerprint() throws Exception {
        Path m = directory();
        ScriptListing listing = ScriptLocations.list(List.of("filesystem:" + m), null);
        assertThat(listing.resources()).hasSize(3);
        assertThat(listing.fingerprint()).isNull();
    }
}
