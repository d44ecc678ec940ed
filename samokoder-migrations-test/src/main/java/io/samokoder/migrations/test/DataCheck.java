package io.samokoder.migrations.test;

import java.util.Objects;

/**
 * A data check at one revision, from {@link MigrationsKit#at(String)}: the schema is upgraded to the
 * revision's parents and dependencies, {@link #before} runs (insert rows), the revision is upgraded,
 * and {@link #after} runs (assert on them). The check runs when {@link #after} is given.
 */
public final class DataCheck {

    private final MigrationsKit kit;
    private final String revision;
    private SqlCallback before = connection -> { };

    DataCheck(MigrationsKit kit, String revision) {
        this.kit = kit;
        this.revision = revision;
    }

    /**
     * Work to do before the revision is upgraded, e.g. inserting rows in the old shape.
     *
     * @param work the work
     * @return this check
     */
    public DataCheck before(SqlCallback work) {
        this.before = Objects.requireNonNull(work, "work");
        return this;
    }

    /**
     * Runs the check: a fresh schema, upgrade to the revision's parents, {@code before}, upgrade the
     * revision, then this work (e.g. assertions on the migrated rows).
     *
     * @param work the work
     * @return the kit, for more checks
     * @throws AssertionError naming the revision and its file if an upgrade or either work fails
     */
    public MigrationsKit after(SqlCallback work) {
        this.kit.runDataCheck(this.revision, this.before, Objects.requireNonNull(work, "work"));
        return this.kit;
    }
}
