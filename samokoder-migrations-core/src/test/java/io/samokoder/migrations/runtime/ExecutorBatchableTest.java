package io.samokoder.migrations.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.samokoder.migrations.script.SqlStatement;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Which statements the executor may send in a batch (those whose first keyword says they return no
 * rows), and which one of a failed batch the driver's error names.
 */
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

    @Test
    void theFailedEntryIsTheOneWhoseTextTheErrorQuotes() {
        SqlStatement create = new SqlStatement("CREATE TABLE t (id int)", 1, 8);
        SqlStatement insert = new SqlStatement("INSERT INTO t VALUES (1)", 2, 9);
        SqlStatement again = new SqlStatement("INSERT INTO t VALUES (1)", 3, 10);
        SQLException error = new SQLException("Batch entry 1 INSERT INTO t VALUES (1) was aborted: ERROR: duplicate");
        assertThat(Executor.locate(error, List.of(create, insert))).isSameAs(insert);
        assertThat(Executor.locate(error, List.of(create, insert, again))).as("ambiguous").isNull();
        assertThat(Executor.locate(new SQLException("connection reset"), List.of(create, insert))).isNull();
        assertThat(Executor.locate(new SQLException((String) null), List.of(create))).isNull();
    }
}
