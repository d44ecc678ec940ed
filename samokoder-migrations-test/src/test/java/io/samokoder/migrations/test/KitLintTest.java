package io.samokoder.migrations.test;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.samokoder.migrations.testsupport.PostgresDatabaseExtension;
import io.samokoder.migrations.testsupport.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@link MigrationsKit#assertNoLockingStatements}: the linter's findings as the kit's failure, by range. */
@ExtendWith(PostgresDatabaseExtension.class)
class KitLintTest {

    private static MigrationsKit kit(TestDatabase db) {
        return MigrationsKit.of(db.dataSource(), "classpath:kit/locking");
    }

    @Test
    void anIndexBuiltWithWritesBlockedFailsNamingTheRevisionFileAndLine(TestDatabase db) {
        assertThatThrownBy(() -> kit(db).assertNoLockingStatements(":"))
                .isInstanceOf(AssertionError.class)
                .hasMessage("revision b2b2b2b2b2b2 (classpath:kit/locking/002_b2b2b2b2b2b2_indexes.sql:8):"
                        + " index-without-concurrently: Builds the index on \"users\" under a SHARE lock: inserts,"
                        + " updates and deletes on the table wait until it is built. Write CREATE INDEX CONCURRENTLY"
                        + " and put '-- Transactional: false' in the script's header (for a Java revision, call"
                        + " concurrently() on the operation, which makes the revision run outside a transaction by"
                        + " itself); or, where it is meant so, mark the statement '-- lint: ignore"
                        + " index-without-concurrently' (a Java revision:"
                        + " @LintIgnore(\"index-without-concurrently\"))");
    }

    @Test
    void whereRevisionsUsePhasesADropOutsideAContractRevisionFails(TestDatabase db) {
        MigrationsKit phases = MigrationsKit.of(db.dataSource(), "classpath:kit/phases");
        assertThatThrownBy(() -> phases.assertNoLockingStatements(":"))
                .isInstanceOf(AssertionError.class)
                .hasMessageStartingWith("revision b2 (classpath:kit/phases/002_b2_drop_nick.sql:7): drop-in-expand:"
                        + " Drops column \"users\".\"nick\" in a revision that is not a contract revision");
        // The contract revision's own drop is what the phase is for.
        phases.assertNoLockingStatements("c3:");
    }

    @Test
    void aRangeBeforeTheFindingPassesAndABadOneFails(TestDatabase db) {
        // The first revision indexes the table it creates.
        kit(db).assertNoLockingStatements("a1a1a1a1a1a1:a1a1a1a1a1a1").assertNoLockingStatements(":a1a1a1a1a1a1");
        assertThatThrownBy(() -> kit(db).assertNoLockingStatements("nope:"))
                .isInstanceOf(AssertionError.class)
                .hasMessageStartingWith("assertNoLockingStatements(\"nope:\"): ")
                .hasMessageContaining("'nope'");
    }
}
