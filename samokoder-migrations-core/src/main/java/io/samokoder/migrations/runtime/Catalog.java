package io.samokoder.migrations.runtime;

import io.samokoder.migrations.MigrationsConfig;
import io.samokoder.migrations.graph.Revision;
import io.samokoder.migrations.graph.RevisionGraph;
import io.samokoder.migrations.java.JavaRevision;
import io.samokoder.migrations.java.JavaRevisions;
import io.samokoder.migrations.plan.Planner;
import io.samokoder.migrations.script.Phase;
import io.samokoder.migrations.script.RepeatableScript;
import io.samokoder.migrations.script.RevisionScript;
import io.samokoder.migrations.script.ScriptListing;
import io.samokoder.migrations.script.ScriptLoader;
import io.samokoder.migrations.script.ScriptLocations;
import io.samokoder.migrations.script.ScriptResource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The scripts and the revision map, loaded once on first use. While loading, each file's raw bytes
 * are hashed ({@link #contentHash}), unless deferred; an unchanged file then needs no statement
 * splitting to be validated against its recorded checksum.
 */
final class Catalog {

    private final MigrationsConfig config;
    private volatile Loaded loaded;
    /** The fingerprint once taken: {@code null} before, {@link #NONE} when the scripts have none. */
    private volatile String fingerprint;
    /**
     * Guards taking the fingerprint; not {@code this}, so that a fingerprint taken ahead
     * ({@link #fingerprintAhead}) does not hold up the load.
     */
    private final Object fingerprintLock = new Object();
    /** Set to stop a fingerprint taken ahead that turned out not to be wanted. */
    private final AtomicBoolean aheadDropped = new AtomicBoolean();
    /**
     * The listing the scripts were loaded from, kept until the fingerprint is taken from it when none
     * was taken before the load.
     */
    private volatile ScriptListing listing;
    /** Guards making the Java revisions' scripts (taken under either of the other two locks). */
    private final Object javaLock = new Object();
    /** The Java revisions' scripts once made. */
    private volatile List<RevisionScript> javaScripts;
    /** The repeatable scripts once read. */
    private volatile List<RepeatableScript> repeatables;
    /** Whether the load leaves content hashes to be computed on demand ({@link #deferContentHashes}). */
    private volatile boolean hashesDeferred;

    private static final String NONE = "";

    /** Whether no fast start has taken its fingerprint ahead in this JVM yet. */
    private static final AtomicBoolean FIRST_FAST_START = new AtomicBoolean(true);

    Catalog(MigrationsConfig config) {
        this.config = config;
    }

    /**
     * The loaded scripts and what is made of them.
     *
     * @param deferred the ids of the deferred revisions (empty when none is)
     * @param contract the ids of the contract revisions (empty when none is)
     */
    record Loaded(List<RevisionScript> scripts, Map<String, RevisionScript> byId, RevisionGraph graph,
            Planner planner, Set<String> deferred, Set<String> contract) {
    }

    Loaded get() {
        Loaded value = this.loaded;
        if (value == null) {
            synchronized (this) {
                value = this.loaded;
                if (value == null) {
                    value = load();
                    this.loaded = value;
                }
            }
        }
        return value;
    }

    List<RevisionScript> scripts() {
        return get().scripts();
    }

    RevisionGraph graph() {
        return get().graph();
    }

    Planner planner() {
        return get().planner();
    }

    /** The revision map API, sharing the planner's indexes. */
    io.samokoder.migrations.plan.RevisionMap revisionMap() {
        return new io.samokoder.migrations.plan.RevisionMap(planner());
    }

    /** The repeatable scripts of the configured locations, read once, on first use. */
    List<RepeatableScript> repeatables() {
        List<RepeatableScript> value = this.repeatables;
        if (value == null) {
            synchronized (this) {
                value = this.repeatables;
                if (value == null) {
                    value = this.config.repeatableScripts().isEmpty()
                            ? RepeatableScript.load(this.config.repeatableLocations(), classLoader())
                            : RepeatableScript.load(this.config.repeatableScripts());
                    this.repeatables = value;
                }
            }
        }
        return value;
    }

    /** The script of a revision, or {@code null}. */
    RevisionScript script(String id) {
        return get().byId().get(id);
    }

    /**
     * The fingerprint of the configured locations' scripts or of the given resources
     * ({@link ScriptLocations#fingerprint}), taken once; {@code null} when they cannot be stamped.
     * Taken before the load, it stamps the files in a pass of its own; taken after, from the listing
     * the load read (which vouches only for files unchanged since shortly before it was listed).
     */
    String fingerprint() {
        String value = this.fingerprint;
        if (value == null) {
            synchronized (this.fingerprintLock) {
                value = this.fingerprint;
                if (value == null) {
                    ScriptListing listed = this.listing;
                    if (listed != null) {
                        value = listed.fingerprint();
                        this.listing = null;
                    } else {
                        value = this.config.scripts().isEmpty()
                                ? ScriptLocations.fingerprint(this.config.locations(), classLoader())
                                : ScriptLocations.fingerprint(this.config.scripts());
                    }
                    value = Repeatables.fingerprint(value, this.config, classLoader());
                    value = value == null ? NONE : JavaFingerprint.combine(value, javaScripts());
                    this.fingerprint = value;
                }
            }
        }
        return value.equals(NONE) ? null : value;
    }

    /**
     * Starts taking the fingerprint of the configured locations on a thread of its own, in case the
     * fast start's query, which runs meanwhile, finds a record it could match: the files' stamps then
     * overlap the connection's round trip. {@link #fingerprint} waits for it; {@link #dropAhead} stops
     * it when the query shows it is not wanted, so that it does not compete with the full path's load.
     * Only for the first fast start in a JVM, where the driver's cold path makes the query long
     * enough to overlap; in a warm JVM the query takes about a millisecond and the thread cost more
     * than it saved (docs/benchmarks.md). Does nothing on one processor, for scripts given as
     * resources, or once the fingerprint is taken.
     */
    void fingerprintAhead() {
        if (!FIRST_FAST_START.compareAndSet(true, false)) {
            return;
        }
        startAhead();
    }

    /** {@link #fingerprintAhead} without the rule of the first fast start in a JVM. */
    void startAhead() {
        if (this.fingerprint != null || !this.config.scripts().isEmpty()
                || Runtime.getRuntime().availableProcessors() < 2) {
            return;
        }
        Catalog catalog = this;
        Thread thread = new Thread(new Runnable() {
            @Override
            public void run() {
                catalog.takeAhead();
            }
        }, "samokoder-migrations-stamp");
        thread.setDaemon(true);
        thread.start();
    }

    /** Whether the fingerprint has been taken; waits for a fingerprint being taken ahead. */
    boolean fingerprintTaken() {
        synchronized (this.fingerprintLock) {
            return this.fingerprint != null;
        }
    }

    /** Stops a fingerprint taken ahead; the one asked for later is taken then. */
    void dropAhead() {
        this.aheadDropped.set(true);
    }

    /**
     * The fingerprint taken ahead, in a pass of its own that reads no script (a jar's entries are
     * stamped from its directory); left unset when dropped.
     */
    private void takeAhead() {
        try {
            synchronized (this.fingerprintLock) {
                if (this.fingerprint != null || this.aheadDropped.get()) {
                    return;
                }
                String value = ScriptLocations.fingerprint(this.config.locations(), classLoader(),
                        this.aheadDropped);
                if (this.aheadDropped.get()) {
                    return;
                }
                value = Repeatables.fingerprint(value, this.config, classLoader());
                if (value == null) {
                    this.fingerprint = NONE;
                    return;
                }
                // Made once, for the load as well; the fast start's query may have answered meanwhile.
                List<RevisionScript> java = javaScripts();
                if (this.aheadDropped.get()) {
                    // The full path runs: the Java revisions' stamps are taken at the end of its run
                    // (fingerprint()), not while its load and plan need the processors.
                    return;
                }
                this.fingerprint = JavaFingerprint.combine(value, java);
            }
        } catch (RuntimeException | LinkageError e) {
            // A location that cannot be listed: the load, or the fingerprint asked for later, reports it.
            // A class that no longer loads: the run ended and its class loader was closed (a Maven goal's).
        }
    }

    /**
     * Asks a load that has not happened yet to leave each script's content hash to be computed when
     * first asked (see {@link ScriptLoader#loadHashingOnDemand}) instead of hashing every file as it
     * is read: for a database that shows no state of its own (a new one), which has no applied
     * revisions to compare and records a hash only as each step runs.
     */
    void deferContentHashes() {
        if (this.loaded == null) {
            this.hashesDeferred = true;
        }
    }

    /**
     * The SHA-256 of the file's bytes as read, or {@code null} (no such script, or one written as code).
     */
    String contentHash(String id) {
        RevisionScript script = script(id);
        return script == null ? null : script.contentHash().orElse(null);
    }

    private Loaded load() {
        List<ScriptResource> resources;
        if (!this.config.scripts().isEmpty()) {
            if (this.config.fastStart()) {
                // Given resources are stamped one by one, before they are read.
                fingerprint();
            }
            resources = this.config.scripts();
        } else if (this.config.fastStart() && this.fingerprint == null) {
            // One listing for the load and, after the run, the fingerprint (see ScriptListing).
            ScriptListing listed = ScriptLocations.list(this.config.locations(), classLoader());
            this.listing = listed;
            resources = listed.resources();
        } else {
            resources = ScriptLocations.resolve(this.config.locations(), classLoader());
        }
        List<RevisionScript> loaded = this.hashesDeferred ? ScriptLoader.loadHashingOnDemand(resources)
                : ScriptLoader.loadWithContentHashes(resources);
        List<RevisionScript> scripts = JavaRevisions.arrange(loaded, javaScripts());
        Map<String, RevisionScript> byId = new HashMap<>(scripts.size() * 2);
        List<Revision> revisions = new ArrayList<>(scripts.size());
        Set<String> deferred = Set.of();
        Set<String> contract = Set.of();
        for (RevisionScript script : scripts) {
            byId.putIfAbsent(script.id(), script);
            revisions.add(script.revision());
            if (script.deferred()) {
                deferred = deferred.isEmpty() ? new HashSet<>() : deferred;
                deferred.add(script.id());
            }
            if (script.phase() == Phase.CONTRACT) {
                contract = contract.isEmpty() ? new HashSet<>() : contract;
                contract.add(script.id());
            }
        }
        RevisionGraph graph = RevisionGraph.of(revisions);
        if (!deferred.isEmpty()) {
            Deferred.check(graph, byId, deferred);
        }
        // Wrapped, not copied: nothing else holds the map.
        return new Loaded(scripts, Collections.unmodifiableMap(byId), graph, new Planner(graph),
                Collections.unmodifiableSet(deferred), Collections.unmodifiableSet(contract));
    }

    /** The scripts of the configured Java revisions, made (their operations recorded) once. */
    private List<RevisionScript> javaScripts() {
        List<RevisionScript> value = this.javaScripts;
        if (value == null) {
            synchronized (this.javaLock) {
                value = this.javaScripts;
                if (value == null) {
                    List<RevisionScript> made = new ArrayList<>(this.config.javaRevisions().size());
                    for (JavaRevision revision : this.config.javaRevisions()) {
                        made.add(JavaRevisions.load(revision, this.config.namingConvention()));
                    }
                    value = List.copyOf(made);
                    this.javaScripts = value;
                }
            }
        }
        return value;
    }

    private ClassLoader classLoader() {
        ClassLoader loader = this.config.classLoader();
        if (loader == null) {
            loader = Thread.currentThread().getContextClassLoader();
        }
        return loader == null ? Catalog.class.getClassLoader() : loader;
    }
}
