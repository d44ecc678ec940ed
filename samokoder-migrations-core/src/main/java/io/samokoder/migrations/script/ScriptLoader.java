package io.samokoder.migrations.script;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads revision scripts. Each file is read once, decoded as UTF-8 (a byte order mark is dropped,
 * CRLF and CR line endings are accepted), and its header is parsed; the SQL is kept as text and split
 * into statements only when a {@link RevisionScript} is asked for them.
 *
 * <p>The format:
 * <pre>
 * -- Add users table
 * --
 * -- Revision ID: 3f2a9c1b7d4e
 * -- Revises: 1c9d2e4f6a8b
 * -- Create Date: 2026-11-24 12:00:00
 * -- Branch Labels: users
 * -- Depends On: 9e8d7c6b5a4f
 * -- Transactional: true
 * -- Lock Timeout: 5s
 * -- Statement Timeout: 10min
 *
 * -- migrate:upgrade
 * CREATE TABLE users (id uuid PRIMARY KEY);
 *
 * -- migrate:downgrade
 * DROP TABLE users;
 * </pre>
 * The header is the leading block of {@code --} lines; its first line is the message and the others
 * are {@code Key: value} lines (keys ignore case). {@code Revision ID} and the
 * {@code -- migrate:upgrade} marker are required; without {@code -- migrate:downgrade} the script is
 * irreversible. A marker is recognised on any line that holds only the marker, so such a line must
 * not appear inside a string or function body.
 */
public final class ScriptLoader {

    private ScriptLoader() {
    }

    /**
     * Loads the scripts, in the given order.
     *
     * @throws ScriptFormatException if a script's header or markers are malformed, or it is not UTF-8
     * @throws UncheckedIOException if a script cannot be read
     */
    public static List<RevisionScript> load(List<? extends ScriptResource> resources) {
        List<RevisionScript> scripts = new ArrayList<>(resources.size());
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        for (ScriptResource resource : resources) {
            byte[] bytes;
            try (InputStream in = resource.open()) {
                bytes = in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read revision script " + resource.description() + ": "
                        + e.getMessage(), e);
            }
            scripts.add(ScriptParser.parse(resource.description(), decode(decoder, resource.description(), bytes)));
        }
        return List.copyOf(scripts);
    }

    /**
     * Parses one script from text already in memory.
     *
     * @param description where the text comes from, used in messages and as {@link RevisionScript#description()}
     * @param text the script (a leading byte order mark and CRLF/CR line endings are accepted)
     * @throws ScriptFormatException if the header or markers are malformed
     */
    public static RevisionScript parse(String description, String text) {
        return ScriptParser.parse(description, normalise(text));
    }

    private static String decode(CharsetDecoder decoder, String file, byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (text.indexOf('\uFFFD') >= 0) {
            checkStrictUtf8(decoder, file, bytes);
        }
        return normalise(text);
    }

    /** Decodes again, strictly, to tell a real U+FFFD from malformed input and to find its line. */
    private static void checkStrictUtf8(CharsetDecoder decoder, String file, byte[] bytes) {
        ByteBuffer in = ByteBuffer.wrap(bytes);
        try {
            decoder.reset().decode(in);
        } catch (CharacterCodingException e) {
            int line = 1;
            for (int i = 0; i < in.position() && i < bytes.length; i++) {
                if (bytes[i] == '\n') {
                    line++;
                }
            }
            throw new ScriptFormatException(file, line, "The file is not valid UTF-8; save it with UTF-8 encoding");
        }
    }

    private static String normalise(String text) {
        String result = text;
        if (!result.isEmpty() && result.charAt(0) == '\uFEFF') {
            result = result.substring(1);
        }
        if (result.indexOf('\r') >= 0) {
            result = result.replace("\r\n", "\n").replace('\r', '\n');
        }
        return result;
    }
}
