package io.samokoder.migrations.runtime;

import io.samokoder.migrations.Command;
import java.util.List;

/** What a run was asked to do. */
record RunRequest(Command command, String target, List<String> stampTargets, boolean purge, boolean move,
        boolean allowDowngrade, boolean undeferred) {

    /** This request without leaving deferred revisions: {@code upgrade heads}, for a map that has none. */
    RunRequest plain() {
        return new RunRequest(this.command, this.target, this.stampTargets, this.purge, this.move,
                this.allowDowngrade, false);
    }
}
