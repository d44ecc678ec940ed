package io.samokoder.migrations.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@link SqlKeywords}: which statements begin, end or abandon a transaction. */
class SqlKeywordsTest {

    @Test
    void transactionControlIsToldByItsFirstKeywords() {
        assertThat(SqlKeywords.transactionControl("BEGIN")).isEqualTo("BEGIN");
        assertThat(SqlKeywords.transactionControl("begin transaction isolation level serializable")).isEqualTo("BEGIN");
        assertThat(SqlKeywords.transactionControl("START TRANSACTION")).isEqualTo("START");
        assertThat(SqlKeywords.transactionControl("Commit")).isEqualTo("COMMIT");
        assertThat(SqlKeywords.transactionControl("COMMIT AND CHAIN")).isEqualTo("COMMIT");
        assertThat(SqlKeywords.transactionControl("END")).isEqualTo("END");
        assertThat(SqlKeywords.transactionControl("ROLLBACK")).isEqualTo("ROLLBACK");
        assertThat(SqlKeywords.transactionControl("rollback work")).isEqualTo("ROLLBACK");
        assertThat(SqlKeywords.transactionControl("ABORT")).isEqualTo("ABORT");

        assertThat(SqlKeywords.transactionControl("ROLLBACK TO SAVEPOINT s")).as("within the transaction").isNull();
        assertThat(SqlKeywords.transactionControl("rollback work to s")).isNull();
        assertThat(SqlKeywords.transactionControl("ROLLBACK TRANSACTION TO SAVEPOINT s")).isNull();
        assertThat(SqlKeywords.transactionControl("SAVEPOINT s")).isNull();
        assertThat(SqlKeywords.transactionControl("START SLAVE")).isNull();
        assertThat(SqlKeywords.transactionControl("BEGIN NOT ATOMIC SELECT 1; END")).as("MariaDB's block").isNull();
        assertThat(SqlKeywords.transactionControl("ENDPOINT")).isNull();
        assertThat(SqlKeywords.transactionControl("CREATE TABLE commit (id int)")).isNull();
        assertThat(SqlKeywords.transactionControl("")).isNull();
    }
}
