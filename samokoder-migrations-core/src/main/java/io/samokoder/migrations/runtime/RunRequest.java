package io.samokoder.migrations.runtime;

import io.samokoder.migrations.Command;
import java.util.List;
import java.util.Set;

/** What a run was asked to do. */
record RunRequest(Command command, String target, List<String> stampTargets, boolean purge, boolean move,
        boolean allowDowngrade, Leaving leaving) {

    /** The revisions an upgrade to the heads leaves, and the heads it upgrades to beneath them. */
    enum Leaving {
        /** Nothing: {@code upgrade heads}. */
        NOTHING,
        /** Deferred revisions ({@code migrate} and {@code contract}): a start-up. */
        DEFERRED,
        /** Contract revisions: the application's run once it is ready. */
        CONTRACT;

        /** The revisions of the loaded map that this leaves. */
        Set<String> of(Catalog.Loaded loaded) {
            return switch (this) {
                case NOTHING -> Set.of();
                case DEFERRED -> loaded.deferred();
                case CONTRACT -> loaded.contract();
            };
        }
    }

    /** This request without leaving anything: {@code upgrade heads}, for a map that has nothing to leave. */
    RunRequest plain() {
        return new RunRequest(this.command, this.target, this.stampTargets, this.purge, this.move,
                this.allowDowngrade, Leaving.NOTHING);
    }
}
