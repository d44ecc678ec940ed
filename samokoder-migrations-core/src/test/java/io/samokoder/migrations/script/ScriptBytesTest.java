package io.samokoder.migrations.script;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link ScriptBytes#readFile}: the same bytes and errors as {@code Files.readAllBytes}, read after read. */
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
    void aMissingFileFailsAsFilesReadAllBytesDoes() {
        Path missing = this.temp.resolve("missing.sql");
        assertThatThrownBy(() -> ScriptBytes.readFile(missing))
                .isInstanceOf(NoSuchFileException.class)
                .hasMessage(missing.toString());
    }
}
