package io.samokoder.migrations.script;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** {@link Sha256}: the same hashes as a fresh digest over {@code String.getBytes(UTF_8)}, call after call. */
class Sha256Test {

    @Test
    void textHashesEqualThoseOfItsUtf8Bytes() throws Exception {
        String[] texts = {
            "",
            "CREATE TABLE t (id int);",
            "x".repeat(1023),
            "y".repeat(1024),
            "z".repeat(1025) + "\n" + "w".repeat(2048),
            "SELECT 'é';",
            "SELECT '\uD83D\uDE00';",
            "unpaired \uD800 high and \uDC00 low",
            "a".repeat(3000) + "ü",
        };
        for (int round = 0; round < 2; round++) {
            for (String text : texts) {
                assertThat(Sha256.hexOfUtf8(new StringBuilder(text))).as(text).isEqualTo(reference(text));
                assertThat(Sha256.hexOfUtf8(text)).as(text).isEqualTo(reference(text));
                assertThat(Sha256.hexOfUtf8(CharBuffer.wrap(text))).as(text).isEqualTo(reference(text));
                assertThat(Sha256.hex(text.getBytes(StandardCharsets.UTF_8))).as(text).isEqualTo(reference(text));
            }
        }
    }

    private static String reference(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
