package io.samokoder.migrations.runtime;

import io.samokoder.migrations.MigrationException;

/**
 * The lock's connection ended (its server gone, as when the process that served an H2 file database exits)
 * before the run changed anything: {@link Engine} takes the lock again, a few times at most.
 */
final class LockLost extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** What the run would have failed with. */
    final transient MigrationException failure;

    LockLost(MigrationException failure) {
        super(failure.getMessage(), failure, false, false);
        this.failure = failure;
    }
}
