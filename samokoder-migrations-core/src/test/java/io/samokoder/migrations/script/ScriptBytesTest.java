package io.samokoder.migrations.script;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link ScriptBytes#readFile}: the same bytes as {@code Files.readAllBytes}, read after read; errors name the file. */
class ScriptBytesTest {

    @TempDir
    Path temp;

    @Test
    void filesOfEverySizeReadAsFilesReadsThem() throws IOException {
        Random random = new Random(11);
        int[] sizes = {0, 1, 8191, 8192, 8193, 70_000, 3, 65_536, 200_000, 5};
        for (int size : sizes) {
            byte[] content = new byte[size];
            random.nextBytes(content);
            Path file = Files.write(this.temp.resolve("s" + size + ".sql"), content);
            ScriptBytes read = ScriptBytes.readFile(file);
            assertThat(read.length).as("size %d", size).isEqualTo(size);
            assertThat(Arrays.copyOf(read.array, read.length)).as("size %d", size).isEqualTo(Files.readAllBytes(file));
        }
    }

    @Test
    void aMissingFileFailsNamingTheFile() {
        Path missing = this.temp.resolve("missing.sql");
        assertThatThrownBy(() -> ScriptBytes.readFile(missing))
                .isInstanceOf(IOException.class)
                .hasMessageContaining(missing.toString());
    }

    @Test
    void aDirectoryFailsNamingIt() {
        assertThatThrownBy(() -> ScriptBytes.readFile(this.temp))
                .isInstanceOf(IOException.class)
                .hasMessageContaining(this.temp.toString());
    }

    @Test
    void aFileOfAnotherFileSystemIsReadWhole() throws IOException {
        Path jar = this.temp.resolve("scripts.jar");
        byte[] content = "-- Revision ID: a1\nSELECT 1;\n".getBytes(StandardCharsets.UTF_8);
        try (FileSystem zip = FileSystems.newFileSystem(jar, Map.of("create", "true"))) {
            Files.write(zip.getPath("r1.sql"), content);
        }
        try (FileSystem zip = FileSystems.newFileSystem(jar)) {
            ScriptBytes read = ScriptBytes.readFile(zip.getPath("r1.sql"));
            assertThat(Arrays.copyOf(read.array, read.length)).isEqualTo(content);
        }
    }
}
