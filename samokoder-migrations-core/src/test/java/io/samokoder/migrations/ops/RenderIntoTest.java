package io.samokoder.migrations.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.samokoder.migrations.dialect.h2.H2OperationRenderer;
import io.samokoder.migrations.dialect.mariadb.MariaDbOperationRenderer;
import io.samokoder.migrations.dialect.postgresql.PostgresOperationRenderer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** {@link OperationRenderer#renderInto} adds exactly the statements of {@link OperationRenderer#render}. */
class RenderIntoTest {

    private static final Consumer<Operations> PORTABLE = op -> {
        Recorded.createUsers(op);
        op.createTable("orders",
                Column.of("id", Type.BIGINT).primaryKey().autoincrement(),
                Column.of("user_id", Type.UUID).notNull(),
                Column.of("status", Type.enumOf("order_status", "new", "paid")).notNull().serverDefault("'new'"),
                ForeignKey.from("user_id").references("users", "id").onDelete(ReferentialAction.CASCADE));
        op.createIndex("ix_orders_user_id", "orders", "user_id");
        op.createIndex(Index.on("orders", "user_id", "status").unique());
        op.execute("INSERT INTO orders (user_id) VALUES (NULL)");
        op.execute("UPDATE orders SET status = :s WHERE id = :id", Map.of("s", "paid", "id", 7));
        op.addColumn("orders", Column.of("note", Type.TEXT).comment("free text"));
        op.bulkInsert("users", List.of(Map.of("email", "a@b.c"), Map.of("email", "d@e.f")));
        op.dropTable("orders");
    };

    @Test
    void addsWhatRenderReturnsOnEveryDatabase() {
        for (OperationRenderer renderer : List.of(PostgresOperationRenderer.INSTANCE, MariaDbOperationRenderer.INSTANCE,
                H2OperationRenderer.INSTANCE)) {
            assertSameStatements(renderer, Recorded.ops(PORTABLE));
        }
    }

    @Test
    void addsPostgresIndexesOfEveryForm() {
        assertSameStatements(PostgresOperationRenderer.INSTANCE, Recorded.ops(op -> {
            op.createIndex(Index.on("users", "email").unique().where("active").concurrently());
            op.createIndex(Index.onExpressions("users", "lower(email)", "age").named("ix_users_lower_email"));
        }));
    }

    @Test
    void anEnumTypeIsCreatedOncePerRevision() {
        Type mood = Type.enumOf("mood", "calm", "busy");
        List<Operation> revision = Recorded.ops(op -> {
            op.createTable("a", Column.of("m", mood), Column.of("n", mood));
            op.createTable("b", Column.of("m", mood));
            op.createTable("c", Column.of("m", mood.existing()));
            op.dropTable("c");
            op.dropEnumType("mood");
            op.createEnumType(mood);
            op.createTable("d", Column.of("m", mood));
        });
        Set<String> created = new HashSet<>();
        List<String> postgres = new ArrayList<>();
        for (Operation operation : revision) {
            PostgresOperationRenderer.INSTANCE.renderInto(operation, postgres, created);
        }
        assertThat(postgres).containsExactly("CREATE TYPE mood AS ENUM ('calm', 'busy')",
                "CREATE TABLE a (\n    m mood,\n    n mood\n)", "CREATE TABLE b (\n    m mood\n)",
                "CREATE TABLE c (\n    m mood\n)", "DROP TABLE c", "DROP TYPE mood",
                "CREATE TYPE mood AS ENUM ('calm', 'busy')", "CREATE TABLE d (\n    m mood\n)");
        assertThat(created).containsExactly("mood");
        // Alone, each createTable of a type not marked existing creates it, as before.
        assertThat(PostgresOperationRenderer.INSTANCE.render(revision.get(1))).hasSize(2);
        assertThat(PostgresOperationRenderer.INSTANCE.render(revision.get(2))).hasSize(1);
        // MariaDB writes the enum inline: an existing type changes nothing there.
        assertThat(MariaDbOperationRenderer.INSTANCE.render(revision.get(2)))
                .containsExactly("CREATE TABLE c (\n    m ENUM('calm', 'busy')\n)");
        assertThatThrownBy(() -> Type.TEXT.existing()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Only an enum type can exist already");
    }

    /** What Alembic 1.8.1 wrote for the same unnamed index (SQLAlchemy's naming convention, shortened). */
    @Test
    void aNameLongerThanTheDatabaseKeepsIsShortenedAsSqlAlchemyShortensIt() {
        List<Operation> revision = Recorded.ops(op -> {
            op.createIndex(Index.on("some_rather_long_table_name_for_testing", "another_quite_long_column_name_here",
                    "id"));
            op.dropIndex("ix_some_rather_long_table_name_for_testing_another_quite_long_column_name_here_id",
                    "some_rather_long_table_name_for_testing");
        });
        assertThat(PostgresOperationRenderer.INSTANCE.render(revision.get(0))).containsExactly("CREATE INDEX"
                + " ix_some_rather_long_table_name_for_testing_another_quit_14be ON some_rather_long_table_name_for_testing"
                + " (another_quite_long_column_name_here, id)");
        assertThat(PostgresOperationRenderer.INSTANCE.render(revision.get(1)))
                .containsExactly("DROP INDEX ix_some_rather_long_table_name_for_testing_another_quit_14be");
        assertThat(MariaDbOperationRenderer.INSTANCE.render(revision.get(0)).get(0))
                .startsWith("CREATE INDEX ix_some_rather_long_table_name_for_testing_another_quite_14be ON ");
        // A table or column name is never shortened: the database would not find it.
        assertThatThrownBy(() -> PostgresOperationRenderer.INSTANCE.render(Recorded.ops(op -> op.dropTable(
                "t".repeat(64))).get(0))).isInstanceOf(OperationNotSupportedException.class)
                .hasMessageContaining("PostgreSQL keeps at most 63");
    }

    @Test
    void failsAsRenderDoes() {
        Operation expression = Recorded.ops(op -> op.createIndex(Index.onExpressions("users", "lower(email)")
                .named("ix_users_lower_email"))).get(0);
        List<String> out = new ArrayList<>();
        assertThatThrownBy(() -> MariaDbOperationRenderer.INSTANCE.renderInto(expression, out))
                .isInstanceOf(OperationNotSupportedException.class).hasMessageContaining("has an expression");
        assertThat(out).isEmpty();
    }

    private static void assertSameStatements(OperationRenderer renderer, List<Operation> operations) {
        List<String> rendered = new ArrayList<>(List.of("before"));
        List<String> into = new ArrayList<>(List.of("before"));
        for (Operation operation : operations) {
            rendered.addAll(renderer.render(operation));
            renderer.renderInto(operation, into);
        }
        assertThat(rendered).hasSizeGreaterThan(operations.size());
        assertThat(into).isEqualTo(rendered);
    }
}
