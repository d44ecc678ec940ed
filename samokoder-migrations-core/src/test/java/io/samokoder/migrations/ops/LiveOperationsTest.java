package io.samokoder.migrations.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.samokoder.migrations.MigrationException;
import io.samokoder.migrations.dialect.h2.H2OperationRenderer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** LiveOperations on H2: statements in call order, failures wrapped with the statement, inspection. */
class LiveOperationsTest {

    @Test
    void runsRenderedStatementsInOrderAndInspects() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:h2:mem:live_" + UUID.randomUUID())) {
            List<String> ran = new ArrayList<>();
            LiveOperations op = new LiveOperations(c, H2OperationRenderer.INSTANCE, NamingConvention.DEFAULT, sql -> {
                ran.add(sql);
                try (java.sql.Statement st = c.createStatement()) {
                    st.execute(sql);
                }
            });
            op.createTable("items", Column.of("id", Type.INTEGER).primaryKey(), Column.of("sku", Type.string(9)));
            op.createIndex(Index.on("items", "sku").unique());
            op.createCheckConstraint("items", Check.of("sku_len", "LENGTH(sku) > 2"));
            assertThat(ran).containsExactly("""
                    CREATE TABLE items (
                        id INTEGER NOT NULL,
                        sku VARCHAR(9),
                        CONSTRAINT pk_items PRIMARY KEY (id)
                    )""", "CREATE UNIQUE INDEX ix_items_sku ON items (sku)",
                    "ALTER TABLE items ADD CONSTRAINT ck_items_sku_len CHECK (LENGTH(sku) > 2)");
            assertThat(op.hasTable("items")).isTrue();
            assertThat(op.hasTable("item")).isFalse();
            assertThat(op.hasTable("it_ms")).isFalse();
            assertThat(op.hasColumn("items", "SKU")).isTrue();
            assertThat(op.hasColumn("items", "price")).isFalse();
            assertThat(op.hasIndex("items", "ix_items_sku")).isTrue();
            assertThat(op.hasIndex("items", "ix_items_id")).isFalse();
            assertThat(op.hasConstraint("items", "pk_items")).isTrue();
            assertThat(op.hasConstraint("items", "ck_items_sku_len")).isTrue();
            assertThat(op.hasConstraint("items", "ck_nope")).isFalse();
            assertThat(op.hasConstraint("nope", "pk_items")).isFalse();
            assertThat(op.connection()).isSameAs(c);
        }
    }

    @Test
    void aFailedStatementIsReportedWithItsSql() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:h2:mem:live_" + UUID.randomUUID())) {
            LiveOperations op = new LiveOperations(c, H2OperationRenderer.INSTANCE, NamingConvention.DEFAULT, sql -> {
                throw new SQLException("boom", "42S02");
            });
            assertThatThrownBy(() -> op.dropTable("missing")).isInstanceOf(MigrationException.class)
                    .hasMessage("Statement failed (SQLSTATE 42S02): boom")
                    .hasCauseInstanceOf(SQLException.class);
        }
    }
}
