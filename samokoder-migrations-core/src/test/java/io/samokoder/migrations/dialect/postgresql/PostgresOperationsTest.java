package io.samokoder.migrations.dialect.postgresql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.samokoder.migrations.ops.Check;
import io.samokoder.migrations.ops.Column;
import io.samokoder.migrations.ops.ForeignKey;
import io.samokoder.migrations.ops.Index;
import io.samokoder.migrations.ops.LiveOperations;
import io.samokoder.migrations.ops.OperationsScenario;
import io.samokoder.migrations.ops.Type;
import io.samokoder.migrations.testsupport.PostgresDatabaseExtension;
import io.samokoder.migrations.testsupport.TestDatabase;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The operations executed on PostgreSQL, checked through JDBC metadata and the catalog. */
@ExtendWith(PostgresDatabaseExtension.class)
class PostgresOperationsTest {

    @Test
    void portableOperationsRunOnPostgres(TestDatabase db) throws Exception {
        try (Connection c = db.connect()) {
            schema(c, "portable");
            new OperationsScenario(c, PostgresOperationRenderer.INSTANCE).runPortable();
        }
    }

    @Test
    void batchesRunTheirChangesInOrder(TestDatabase db) throws Exception {
        try (Connection c = db.connect()) {
            schema(c, "batches");
            new OperationsScenario(c, PostgresOperationRenderer.INSTANCE).runBatchesInOrder();
        }
    }

    @Test
    void anEnumTypeIsCreatedOncePerRevisionAndNotAgainWhenItExists(TestDatabase db) throws Exception {
        try (Connection c = db.connect()) {
            schema(c, "enums");
            Type mood = Type.enumOf("mood", "calm", "busy");
            // One revision: the type created explicitly, then two tables with a column of it.
            LiveOperations first = new OperationsScenario(c, PostgresOperationRenderer.INSTANCE).op();
            first.createEnumType(mood);
            first.createTable("a", Column.of("id", Type.INTEGER).primaryKey(), Column.of("m", mood));
            first.createTable("b", Column.of("id", Type.INTEGER).primaryKey(), Column.of("m", mood));
            // A later revision: a third table with the type that exists now.
            OperationsScenario later = new OperationsScenario(c, PostgresOperationRenderer.INSTANCE);
            later.op().createTable("c", Column.of("id", Type.INTEGER).primaryKey(), Column.of("m", mood.existing()));
            assertThat(later.meta().rows("SELECT table_name || ':' || udt_name FROM information_schema.columns"
                    + " WHERE table_schema = 'enums' AND column_name = 'm' ORDER BY 1")).containsExactly("a:mood",
                            "b:mood", "c:mood");
        }
    }

    @Test
    void aLongConventionalNameIsCreatedAndDroppedShortened(TestDatabase db) throws Exception {
        try (Connection c = db.connect()) {
            schema(c, "longnames");
            OperationsScenario scenario = new OperationsScenario(c, PostgresOperationRenderer.INSTANCE);
            LiveOperations op = scenario.op();
            String table = "some_rather_long_table_name_for_testing";
            op.createTable(table, Column.of("id", Type.INTEGER).primaryKey(),
                    Column.of("another_quite_long_column_name_here", Type.INTEGER));
            op.createIndex(Index.on(table, "another_quite_long_column_name_here", "id"));
            assertThat(scenario.meta().rows("SELECT indexname FROM pg_indexes WHERE tablename = '" + table + "'"
                    + " AND indexname LIKE 'ix_%'")).containsExactly(
                            "ix_some_rather_long_table_name_for_testing_another_quit_14be");
            // Looked up by the full name, as a revision checks before creating it.
            assertThat(op.hasIndex(table,
                    "ix_some_rather_long_table_name_for_testing_another_quite_long_column_name_here_id")).isTrue();
            op.dropIndex("ix_some_rather_long_table_name_for_testing_another_quite_long_column_name_here_id", table);
            assertThat(scenario.meta().rows("SELECT count(*) FROM pg_indexes WHERE indexname LIKE 'ix_%'"))
                    .containsExactly("0");
        }
    }

    @Test
    void postgresOnlyOperations(TestDatabase db) throws Exception {
        try (Connection c = db.connect()) {
            schema(c, "pgonly");
            OperationsScenario scenario = new OperationsScenario(c, PostgresOperationRenderer.INSTANCE);
            LiveOperations op = scenario.op();
            op.createTable("docs",
                    Column.of("id", Type.INTEGER).primaryKey().autoincrement(),
                    Column.of("email", Type.TEXT),
                    Column.of("body", Type.JSONB),
                    Column.of("mood", Type.enumOf("doc_mood", "calm", "it's fine")).serverDefault("'calm'"),
                    Column.of("deleted", Type.BOOLEAN).notNull().serverDefault("FALSE"),
                    Column.of("author", Type.INTEGER));
            op.bulkInsert("docs", List.of(Map.of("email", "A@x", "body", "{\"k\": [1, 2]}", "mood", "it's fine")));
            assertThat(scenario.meta().rows("SELECT body ->> 'k', mood FROM docs")).containsExactly("[1, 2]|it's fine");

            op.createIndex(Index.onExpressions("docs", "lower(email)").named("ix_docs_lower_email").unique()
                    .where("NOT deleted").concurrently());
            assertThat(scenario.meta().rows("SELECT indexdef FROM pg_indexes WHERE indexname = 'ix_docs_lower_email'"))
                    .containsExactly("CREATE UNIQUE INDEX ix_docs_lower_email ON pgonly.docs USING btree (lower(email))"
                            + " WHERE (NOT deleted)");
            assertThat(op.hasIndex("docs", "ix_docs_lower_email")).isTrue();
            op.dropIndexConcurrently("ix_docs_lower_email", "docs");
            assertThat(op.hasIndex("docs", "ix_docs_lower_email")).isFalse();

            op.createForeignKey("docs", ForeignKey.from("author").references("docs", "id").notValid());
            assertThat(scenario.meta().rows("SELECT convalidated FROM pg_constraint WHERE conname = 'fk_docs_author_docs'"))
                    .containsExactly("f");
            op.validateConstraint("fk_docs_author_docs", "docs");
            assertThat(scenario.meta().rows("SELECT convalidated FROM pg_constraint WHERE conname = 'fk_docs_author_docs'"))
                    .containsExactly("t");

            // A check added NOT VALID leaves the rows it would refuse, and validating it then fails.
            op.execute("INSERT INTO docs (id, email, deleted) VALUES (99, '', false)");
            op.createCheckConstraint("docs", Check.of("email_not_empty", "email <> ''").notValid());
            assertThat(scenario.meta().rows(
                    "SELECT convalidated FROM pg_constraint WHERE conname = 'ck_docs_email_not_empty'"))
                    .containsExactly("f");
            assertThatThrownBy(() -> op.validateConstraint("ck_docs_email_not_empty", "docs"))
                    .hasMessageContaining("ck_docs_email_not_empty");
            op.execute("DELETE FROM docs WHERE id = 99");
            op.validateConstraint("ck_docs_email_not_empty", "docs");
            assertThat(scenario.meta().rows(
                    "SELECT convalidated FROM pg_constraint WHERE conname = 'ck_docs_email_not_empty'"))
                    .containsExactly("t");

            op.alterColumn("docs", "email", c2 -> c2.comment("address"));
            assertThat(scenario.meta().rows("SELECT col_description('pgonly.docs'::regclass, 2)"))
                    .containsExactly("address");
            op.dropTable("docs");
            op.dropEnumType("doc_mood");
            assertThat(scenario.meta().rows("SELECT count(*) FROM pg_type WHERE typname = 'doc_mood'"))
                    .containsExactly("0");
        }
    }

    private static void schema(Connection c, String name) throws Exception {
        try (Statement st = c.createStatement()) {
            st.execute("CREATE SCHEMA " + name);
            st.execute("SET search_path TO " + name);
        }
    }
}
