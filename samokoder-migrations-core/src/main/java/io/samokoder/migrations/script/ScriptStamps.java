package io.samokoder.migrations.script;

import java.io.IOException;
import java.net.URL;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * Computes {@link ScriptLocations#fingerprint}: lists each location as {@link ScriptLocations#resolve}
 * does, stamps every script without reading it (file attributes, or a jar entry's size and CRC),
 * sorts the stamps by file name and hashes them. Many files are stamped on several threads, as
 * {@link ScriptLoader} reads them.
 */
final class ScriptStamps {

    /**
     * Changes whenever the way scripts are parsed changes, so that a fingerprint taken by an older
     * version never vouches for scripts this version would read differently.
     */
    private static final String FORMAT = "samokoder-migrations scripts 1";

    /** Whether files have the {@code unix} attribute view, with the change time. */
    private static final boolean UNIX_ATTRIBUTES = FileSystems.getDefault().supportedFileAttributeViews()
            .contains("unix");

    private static final String CTIME = "unix:ctime";

    private ScriptStamps() {
    }

    static String fingerprint(List<String> locations, ClassLoader classLoader, long settleNanos) {
        return fingerprint(locations, classLoader, settleNanos, null);
    }

    /** {@link #fingerprint(List, ClassLoader, long)}, giving up with {@code null} once {@code cancel} is set. */
    static String fingerprint(List<String> locations, ClassLoader classLoader, long settleNanos,
            AtomicBoolean cancel) {
        long settledBefore = now() - settleNanos;
        List<Stamps> found = new ArrayList<>(locations.size());
        for (String location : locations) {
            if (cancel != null && cancel.get()) {
                return null;
            }
            Stamps stamps = new Stamps();
            stamps.cancel = cancel;
            ScriptLocations.walk(location, classLoader, stamps);
            found.add(stamps);
        }
        return fingerprint(locations, found, settledBefore);
    }

    /**
     * The fingerprint of the listed scripts of each location, stamped now; {@code null} when one
     * cannot be stamped or was modified or changed after {@code settledBefore}, or the stamping was
     * cancelled.
     */
    static String fingerprint(List<String> locations, List<Stamps> listed, long settledBefore) {
        Fingerprint hash = new Fingerprint();
        hash.add(FORMAT);
        for (int i = 0; i < locations.size(); i++) {
            Stamp[] stamps = listed.get(i).stamp(settledBefore);
            if (stamps == null) {
                return null;
            }
            // Stable: scripts of the same name in several class path roots keep their root order.
            Arrays.sort(stamps);
            hash.add(locations.get(i));
            hash.add(stamps.length);
            for (Stamp stamp : stamps) {
                // The location is hashed above, so the name identifies the script within it.
                hash.add(stamp.fileName);
                hash.add(stamp.size);
                hash.add(stamp.time);
                hash.add(stamp.changed);
                hash.add(stamp.key);
            }
        }
        return hash.hex();
    }

    /** The wall clock in nanoseconds since the epoch, as file times are compared with it. */
    static long now() {
        return TimeUnit.MILLISECONDS.toNanos(System.currentTimeMillis());
    }

    /**
     * The fingerprint of scripts given as resources, in their order: each one's file name,
     * description and {@link ScriptResource#stamp()}; {@code null} when one has no stamp.
     */
    static String fingerprintOf(List<? extends ScriptResource> resources) {
        Fingerprint hash = new Fingerprint();
        hash.add(FORMAT);
        hash.add(resources.size());
        for (ScriptResource resource : resources) {
            String stamp = resource.stamp();
            if (stamp == null) {
                return null;
            }
            hash.add(resource.fileName());
            hash.add(resource.description());
            hash.add(stamp);
        }
        return hash.hex();
    }

    /** See {@link ScriptLocations#fileStamp}. */
    static String fileStamp(Path file, long settleNanos) {
        Path name = file.getFileName();
        Stamp stamp = stampFile(file, name == null ? file.toString() : name.toString(), now() - settleNanos);
        return stamp == null ? null : "file " + stamp.size + " " + stamp.time + " " + stamp.changed + " " + stamp.key;
    }

    /** The stamp of bytes held in memory: their length and hash. */
    static String bytesStamp(byte[] bytes) {
        Fingerprint hash = new Fingerprint();
        for (int i = 0; i + 8 <= bytes.length; i += 8) {
            long word = 0;
            for (int b = 0; b < 8; b++) {
                word = word << 8 | (bytes[i + b] & 0xff);
            }
            hash.add(word);
        }
        long tail = 0;
        for (int i = bytes.length & ~7; i < bytes.length; i++) {
            tail = tail << 8 | (bytes[i] & 0xff);
        }
        hash.add(tail);
        hash.add(bytes.length);
        return "bytes " + hash.hex();
    }

    /** One script as the fingerprint sees it; ordered by file name. */
    private static final class Stamp implements Comparable<Stamp> {

        final String fileName;
        final long size;
        /** A file's modification time, or a jar entry's CRC-32. */
        final long time;
        /** A file's change time (ctime) where the platform has one, else its creation time. */
        final long changed;
        final long key;

        Stamp(String fileName, long size, long time, long changed, long key) {
            this.fileName = fileName;
            this.size = size;
            this.time = time;
            this.changed = changed;
            this.key = key;
        }

        @Override
        public int compareTo(Stamp other) {
            return this.fileName.compareTo(other.fileName);
        }
    }

    /**
     * Collects a location's scripts; files are stamped afterwards ({@link #stamp}), possibly on several
     * threads.
     */
    static final class Stamps extends ScriptLocations.Sink implements Runnable {

        /** At least this many files are stamped on more than one thread. */
        private static final int PARALLEL_THRESHOLD = 1024;
        private static final int MAX_WORKERS = 4;

        private final List<Path> files = new ArrayList<>();
        private final List<String> names = new ArrayList<>();
        private final List<Stamp> entries = new ArrayList<>();
        private boolean unstampable;
        private Stamp[] stamps;
        private final AtomicInteger next = new AtomicInteger();
        private volatile boolean failed;
        private long settledBefore;
        /** When set, stamping stops and the stamps are {@code null}; may be {@code null}. */
        private AtomicBoolean cancel;

        @Override
        void file(Path path, String fileName, String descriptionPrefix) {
            this.files.add(path);
            this.names.add(fileName);
        }

        @Override
        void jarEntry(JarFile jar, JarEntry entry, String fileName, String descriptionPrefix) {
            long crc = entry.getCrc();
            if (crc < 0) {
                this.unstampable = true;
                return;
            }
            this.entries.add(new Stamp(fileName, entry.getSize(), crc, 0, 0));
        }

        @Override
        void unknownRoot(String location, URL url) {
            this.unstampable = true;
        }

        /** All stamps, or {@code null} when one script cannot be stamped or has just changed. */
        Stamp[] stamp(long settledBefore) {
            if (this.unstampable) {
                return null;
            }
            int n = this.files.size();
            this.stamps = new Stamp[n + this.entries.size()];
            for (int i = 0; i < this.entries.size(); i++) {
                this.stamps[n + i] = this.entries.get(i);
            }
            this.settledBefore = settledBefore;
            this.next.set(0);
            this.failed = false;
            int workers = n < PARALLEL_THRESHOLD ? 1
                    : Math.min(Math.min(Runtime.getRuntime().availableProcessors(), MAX_WORKERS),
                            n / (PARALLEL_THRESHOLD / 2));
            Thread[] threads = new Thread[Math.max(0, workers - 1)];
            for (int w = 0; w < threads.length; w++) {
                threads[w] = new Thread(this, "samokoder-script-stamper-" + (w + 1));
                threads[w].setDaemon(true);
                threads[w].start();
            }
            run();
            for (Thread thread : threads) {
                try {
                    thread.join();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return null;
                }
            }
            return this.failed || cancelled() ? null : this.stamps;
        }

        private boolean cancelled() {
            return this.cancel != null && this.cancel.get();
        }

        /** Stamps files in chunks until none are left, one fails, or the stamping is cancelled. */
        @Override
        public void run() {
            int n = this.files.size();
            int chunk = 64;
            for (int start = this.next.getAndAdd(chunk); start < n && !this.failed && !cancelled();
                    start = this.next.getAndAdd(chunk)) {
                int end = Math.min(n, start + chunk);
                for (int i = start; i < end; i++) {
                    Stamp stamp = stampFile(this.files.get(i), this.names.get(i), this.settledBefore);
                    if (stamp == null) {
                        this.failed = true;
                        return;
                    }
                    this.stamps[i] = stamp;
                }
            }
        }
    }

    /** A file's stamp, or {@code null} when it cannot be read or changed after {@code settledBefore}. */
    private static Stamp stampFile(Path path, String fileName, long settledBefore) {
        long size;
        long modified;
        long changed;
        long key;
        try {
            // One stat through the attribute class (no map of named values); size, times and the
            // file key (device and inode) come from it.
            BasicFileAttributes basic = Files.readAttributes(path, BasicFileAttributes.class);
            size = basic.size();
            modified = basic.lastModifiedTime().to(TimeUnit.NANOSECONDS);
            Object fileKey = basic.fileKey();
            key = fileKey == null ? 0 : fileKey.hashCode();
            if (UNIX_ATTRIBUTES) {
                // The change time (ctime) cannot be set back by tools that fix modification times
                // (reproducible builds, archive extraction): any rewrite moves it. Read after the
                // rest: a change in between moves it past settledBefore, so the stamp is refused.
                changed = ((FileTime) Files.readAttributes(path, CTIME).get("ctime")).to(TimeUnit.NANOSECONDS);
            } else {
                changed = basic.creationTime().to(TimeUnit.NANOSECONDS);
            }
        } catch (IOException | RuntimeException e) {
            // Gone between listing and stat, or unreadable: the full load reports it properly.
            return null;
        }
        if (modified > settledBefore || changed > settledBefore) {
            return null;
        }
        return new Stamp(fileName, size, modified, changed, key);
    }
}
