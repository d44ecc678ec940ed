package io.samokoder.migrations.runtime;

import io.samokoder.migrations.Command;
import java.util.List;

/**
 * What a run was asked to do.
 *
 * @param undeferred whether an upgrade to the heads leaves the deferred revisions (see {@link Deferred})
 * @param holdContract whether an upgrade to the heads holds the contract revisions (see {@link Contract})
 */
record RunRequest(Command command, String target, List<String> stampTargets, boolean purge, boolean move,
        boolean allowDowngrade, boolean undeferred, boolean holdContract) {

    /** This request leaving what it may: {@code upgrade heads} where the map has no such revision. */
    RunRequest leaving(boolean deferred, boolean contract) {
        return new RunRequest(this.command, this.target, this.stampTargets, this.purge, this.move,
                this.allowDowngrade, deferred, contract);
    }

    /** Whether this is an upgrade to the heads that leaves some revisions. */
    boolean leaves() {
        return this.undeferred || this.holdContract;
    }
}
