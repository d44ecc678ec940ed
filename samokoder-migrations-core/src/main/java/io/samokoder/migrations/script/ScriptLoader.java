package io.samokoder.migrations.script;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

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

    /** Below this many scripts one thread reads them all; above it, reading and parsing are shared out. */
    static final int PARALLEL_THRESHOLD = 512;

    /** Scripts a worker takes at a time. */
    private static final int BLOCK = 64;

    /** At most this many threads read scripts (the caller's included). */
    private static final int MAX_WORKERS = 4;

    /**
     * Loads the scripts, in the given order. Large sets (hundreds of files and more) of
     * {@link SimpleScriptResource}s are read and parsed by a few short-lived threads, since reading
     * many small files is dominated by per-file system calls; the result and the error reported are the
     * same as when reading one by one: the first problem in the given order. Other
     * {@link ScriptResource} implementations are read on the calling thread only, one after the other.
     *
     * @throws ScriptFormatException if a script's header or markers are malformed, or it is not UTF-8
     * @throws UncheckedIOException if a script cannot be read
     */
    public static List<RevisionScript> load(List<? extends ScriptResource> resources) {
        return load(resources, Hashing.NONE);
    }

    /**
     * Loads the scripts like {@link #load}, and also hashes each file's bytes as read, so that
     * {@link RevisionScript#contentHash()} is present: what a start-up that validates applied
     * revisions needs, in the same single read of each file.
     *
     * @throws ScriptFormatException if a script's header or markers are malformed, or it is not UTF-8
     * @throws UncheckedIOException if a script cannot be read
     */
    public static List<RevisionScript> loadWithContentHashes(List<? extends ScriptResource> resources) {
        return load(resources, Hashing.NOW);
    }

    /**
     * Loads the scripts like {@link #loadWithContentHashes}, but each script computes its content hash
     * when first asked, from its text, which decodes the bytes read exactly (the same value; a file whose
     * text had to be normalised, with a byte order mark or CR line endings, is hashed from its bytes
     * now): for a load whose hashes may never be needed on its way, such as a first run on a new
     * database, which only records them as its steps run.
     *
     * @throws ScriptFormatException if a script's header or markers are malformed, or it is not UTF-8
     * @throws UncheckedIOException if a script cannot be read
     */
    public static List<RevisionScript> loadHashingOnDemand(List<? extends ScriptResource> resources) {
        return load(resources, Hashing.ON_DEMAND);
    }

    /** When a loaded script's content hash is computed. */
    private enum Hashing {
        NONE, NOW, ON_DEMAND
    }

    private static List<RevisionScript> load(List<? extends ScriptResource> resources, Hashing hashing) {
        RevisionScript[] scripts = new RevisionScript[resources.size()];
        int workers = allSimple(resources) ? workers(resources.size()) : 1;
        if (workers <= 1) {
            for (int i = 0; i < scripts.length; i++) {
                scripts[i] = load(resources.get(i), hashing);
            }
        } else {
            new ParallelLoad(resources, scripts, hashing).run(workers);
        }
        return List.of(scripts);
    }

    private static boolean allSimple(List<? extends ScriptResource> resources) {
        for (ScriptResource resource : resources) {
            if (!(resource instanceof SimpleScriptResource)) {
                return false;
            }
        }
        return true;
    }

    static int workers(int scripts) {
        if (scripts < PARALLEL_THRESHOLD) {
            return 1;
        }
        int cpus = Runtime.getRuntime().availableProcessors();
        return Math.max(1, Math.min(Math.min(cpus, MAX_WORKERS), scripts / (PARALLEL_THRESHOLD / 2)));
    }

    /**
     * Reads and parses one script. Hashing on demand leaves the hash to the script, from its text,
     * unless normalising changed the text: then it no longer encodes to the bytes read, which are
     * hashed now.
     */
    private static RevisionScript load(ScriptResource resource, Hashing hashing) {
        ScriptBytes bytes = read(resource, "revision script");
        String decoded = decode(resource.description(), bytes);
        boolean exact = isNormal(decoded);
        String text = exact ? decoded : normaliseText(decoded);
        boolean onDemand = hashing == Hashing.ON_DEMAND && exact;
        String hash = hashing == Hashing.NONE || onDemand ? null : Sha256.hex(bytes.array, bytes.length);
        return ScriptParser.parse(resource.description(), text, hash, onDemand);
    }

    /**
     * Workers take blocks of scripts in order from a shared counter. A worker stops at its first
     * failure; as blocks are handed out in order, the failure with the lowest index is the one a
     * sequential load would have reported.
     */
    private static final class ParallelLoad implements Runnable {

        private final List<? extends ScriptResource> resources;
        private final RevisionScript[] scripts;
        private final AtomicInteger nextBlock = new AtomicInteger();
        private final AtomicInteger firstFailure = new AtomicInteger(Integer.MAX_VALUE);
        private final Throwable[] failures;
        private final Hashing hashing;

        ParallelLoad(List<? extends ScriptResource> resources, RevisionScript[] scripts, Hashing hashing) {
            this.resources = resources;
            this.scripts = scripts;
            this.hashing = hashing;
            this.failures = new Throwable[scripts.length];
        }

        void run(int workers) {
            Thread[] threads = new Thread[workers - 1];
            for (int w = 0; w < threads.length; w++) {
                threads[w] = new Thread(this, "samokoder-script-loader-" + (w + 1));
                threads[w].setDaemon(true);
                threads[w].start();
            }
            run();
            boolean interrupted = false;
            for (Thread thread : threads) {
                while (true) {
                    try {
                        thread.join();
                        break;
                    } catch (InterruptedException e) {
                        interrupted = true;
                    }
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
            int failed = this.firstFailure.get();
            if (failed != Integer.MAX_VALUE) {
                Throwable failure = this.failures[failed];
                if (failure instanceof RuntimeException runtime) {
                    throw runtime;
                }
                throw (Error) failure;
            }
        }

        @Override
        public void run() {
            int total = this.scripts.length;
            while (true) {
                int from = this.nextBlock.getAndIncrement() * BLOCK;
                if (from >= total || from > this.firstFailure.get()) {
                    return;
                }
                int to = Math.min(total, from + BLOCK);
                for (int i = from; i < to; i++) {
                    try {
                        this.scripts[i] = load(this.resources.get(i), this.hashing);
                    } catch (RuntimeException | Error e) {
                        this.failures[i] = e;
                        int seen = this.firstFailure.get();
                        while (i < seen && !this.firstFailure.compareAndSet(seen, i)) {
                            seen = this.firstFailure.get();
                        }
                        return;
                    }
                }
            }
        }
    }

    /**
     * A script's text as read for a load: decoded as strict UTF-8, byte order mark dropped, line endings made LF.
     *
     * @param kind what the script is, for the error ({@code "repeatable script"})
     */
    static String readText(ScriptResource resource, String kind) {
        return normaliseText(decode(resource.description(), read(resource, kind)));
    }

    private static ScriptBytes read(ScriptResource resource, String kind) {
        try {
            if (resource instanceof SimpleScriptResource simple) {
                return simple.readBytes();
            }
            try (InputStream in = resource.open()) {
                return ScriptBytes.of(in.readAllBytes());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + kind + " " + resource.description() + ": "
                    + e.getMessage() + (isDirectory(resource) ? " (it is a directory; a directory in a script location"
                    + " must not be named *.sql)" : ""), e);
        }
    }

    private static boolean isDirectory(ScriptResource resource) {
        return resource instanceof SimpleScriptResource simple && simple.isDirectory();
    }

    /**
     * Parses one script from text already in memory.
     *
     * @param description where the text comes from, used in messages and as {@link RevisionScript#description()}
     * @param text the script (a leading byte order mark and CRLF/CR line endings are accepted)
     * @throws ScriptFormatException if the header or markers are malformed
     */
    public static RevisionScript parse(String description, String text) {
        return ScriptParser.parse(description, normaliseText(text));
    }

    /**
     * The bytes as UTF-8 text, refused when they are not valid UTF-8: the text then encodes back to
     * exactly these bytes.
     */
    private static String decode(String file, ScriptBytes bytes) {
        String text = new String(bytes.array, 0, bytes.length, StandardCharsets.UTF_8);
        if (text.indexOf('\uFFFD') >= 0) {
            checkStrictUtf8(file, bytes);
        }
        return text;
    }

    /** Decodes again, strictly, to tell a real U+FFFD from malformed input and to find its line. */
    private static void checkStrictUtf8(String file, ScriptBytes bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes.array, 0, bytes.length);
        try {
            decoder.reset().decode(in);
        } catch (CharacterCodingException e) {
            int line = 1;
            for (int i = 0; i < in.position() && i < bytes.length; i++) {
                if (bytes.array[i] == '\n') {
                    line++;
                }
            }
            throw new ScriptFormatException(file, line, "The file is not valid UTF-8; save it with UTF-8 encoding");
        }
    }

    /** Whether the text has no byte order mark and no CR: normalising leaves it as it is. */
    private static boolean isNormal(String text) {
        return (text.isEmpty() || text.charAt(0) != '\uFEFF') && text.indexOf('\r') < 0;
    }

    static String normaliseText(String text) {
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
