package io.samokoder.migrations.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which statements the executor may send in a batch: those whose first keyword says they return no rows. */
class ExecutorBatchableTest {

    @Test
    void ddlAndDmlAreBatchable() {
        assertThat(Executor.batchable("CREATE TABLE t (id int)")).isTrue();
        assertThat(Executor.batchable("alter table t add column x int")).isTrue();
        assertThat(Executor.batchable("INSERT INTO t VALUES (1) RETURNING id")).isTrue();
        assertThat(Executor.batchable("DO $$BEGIN PERFORM 1; END$$")).isTrue();
        assertThat(Executor.batchable("SET LOCAL lock_timeout = '1s'")).isTrue();
    }

    @Test
    void statementsThatMayReturnRowsAreNot() {
        assertThat(Executor.batchable("SELECT create_partition('2026-11')")).isFalse();
        assertThat(Executor.batchable("WITH d AS (DELETE FROM t RETURNING id) SELECT count(*) FROM d")).isFalse();
        assertThat(Executor.batchable("(SELECT 1)")).isFalse();
        assertThat(Executor.batchable("VALUES (1)")).isFalse();
        assertThat(Executor.batchable("CALL refresh_all()")).isFalse();
        assertThat(Executor.batchable("COPY t FROM STDIN")).isFalse();
        assertThat(Executor.batchable("COMMIT")).isFalse();
        assertThat(Executor.batchable("CREATEX")).isFalse();
        assertThat(Executor.batchable("")).isFalse();
    }

    @Test
    void leadingCommentsAreSkipped() {
        assertThat(Executor.batchable("-- why\n  /* outer /* nested */ still */ CREATE INDEX i ON t (id)")).isTrue();
        assertThat(Executor.batchable("/* CREATE */ SELECT 1")).isFalse();
        assertThat(Executor.batchable("-- CREATE\nSELECT 1")).isFalse();
        assertThat(Executor.batchable("/* unterminated")).isFalse();
    }
}
