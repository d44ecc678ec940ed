package io.samokoder.migrations.script;

import java.util.List;

/**
 * The scripts of some locations as listed once ({@link ScriptLocations#list}), with what their
 * fingerprint needs, so that the fingerprint can be taken after the scripts were read instead of in a
 * pass of its own before.
 *
 * <p>The fingerprint taken later vouches for what was read: it refuses any file modified or changed
 * less than the settle time before the listing or at any moment since (a file's change time moves
 * with every write and cannot be set back), and any file gone since. A file added since is not in
 * the listing, so the fingerprint differs from the one a new listing gives.
 */
public final class ScriptListing {

    private final List<String> locations;
    private final List<ScriptResource> resources;
    private final List<ScriptStamps.Stamps> stamps;
    private final long settledBefore;

    ScriptListing(List<String> locations, List<ScriptResource> resources, List<ScriptStamps.Stamps> stamps,
            long settledBefore) {
        this.locations = locations;
        this.resources = resources;
        this.stamps = stamps;
        this.settledBefore = settledBefore;
    }

    /** The scripts, as {@link ScriptLocations#resolve} returns them. */
    public List<ScriptResource> resources() {
        return this.resources;
    }

    /**
     * The fingerprint that {@link ScriptLocations#fingerprint(List, ClassLoader)} gives for these
     * scripts while they stay unchanged, stamped now.
     *
     * @return 32 hex digits, or {@code null} when a script cannot be stamped without reading it, is
     *     gone, or was modified or changed after the settle time before the listing
     */
    public String fingerprint() {
        return ScriptStamps.fingerprint(this.locations, this.stamps, this.settledBefore);
    }
}
