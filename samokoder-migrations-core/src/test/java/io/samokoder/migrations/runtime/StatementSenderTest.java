package io.samokoder.migrations.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.samokoder.migrations.script.SqlStatement;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Which statements the sender may send in a batch (those whose first keyword says they return no
 * rows), and which one of a failed batch the driver's error names.
 */
class StatementSenderTest {

    @Test
    void ddlAndDmlAreBatchable() {
        assertThat(StatementSender.batchable("CREATE TABLE t (id int)")).isTrue();
        assertThat(StatementSender.batchable("alter table t add column x int")).isTrue();
        assertThat(StatementSender.batchable("INSERT INTO t VALUES (1) RETURNING id")).isTrue();
        assertThat(StatementSender.batchable("DO $$BEGIN PERFORM 1; END$$")).isTrue();
        assertThat(StatementSender.batchable("SET LOCAL lock_timeout = '1s'")).isTrue();
    }

    @Test
    void statementsThatMayReturnRowsAreNot() {
        assertThat(StatementSender.batchable("SELECT create_partition('2026-11')")).isFalse();
        assertThat(StatementSender.batchable("WITH d AS (DELETE FROM t RETURNING id) SELECT count(*) FROM d")).isFalse();
        assertThat(StatementSender.batchable("(SELECT 1)")).isFalse();
        assertThat(StatementSender.batchable("VALUES (1)")).isFalse();
        assertThat(StatementSender.batchable("CALL refresh_all()")).isFalse();
        assertThat(StatementSender.batchable("COPY t FROM STDIN")).isFalse();
        assertThat(StatementSender.batchable("COMMIT")).isFalse();
        assertThat(StatementSender.batchable("CREATEX")).isFalse();
        assertThat(StatementSender.batchable("")).isFalse();
    }

    @Test
    void leadingCommentsAreSkipped() {
        assertThat(StatementSender.batchable("-- why\n  /* outer /* nested */ still */ CREATE INDEX i ON t (id)")).isTrue();
        assertThat(StatementSender.batchable("/* CREATE */ SELECT 1")).isFalse();
        assertThat(StatementSender.batchable("-- CREATE\nSELECT 1")).isFalse();
        assertThat(StatementSender.batchable("/* unterminated")).isFalse();
    }

    @Test
    void theFailedEntryIsTheOneWhoseTextTheErrorQuotes() {
        SqlStatement create = new SqlStatement("CREATE TABLE t (id int)", 1, 8);
        SqlStatement insert = new SqlStatement("INSERT INTO t VALUES (1)", 2, 9);
        SqlStatement again = new SqlStatement("INSERT INTO t VALUES (1)", 3, 10);
        SQLException error = new SQLException("Batch entry 1 INSERT INTO t VALUES (1) was aborted: ERROR: duplicate");
        assertThat(StatementSender.locate(error, List.of(create, insert))).isSameAs(insert);
        assertThat(StatementSender.locate(error, List.of(create, insert, again))).as("ambiguous").isNull();
        assertThat(StatementSender.locate(new SQLException("connection reset"), List.of(create, insert))).isNull();
        assertThat(StatementSender.locate(new SQLException((String) null), List.of(create))).isNull();
    }
}
