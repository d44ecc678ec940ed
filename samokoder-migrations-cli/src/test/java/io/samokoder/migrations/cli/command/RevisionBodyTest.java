package io.samokoder.migrations.cli.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.samokoder.migrations.dialect.mariadb.MariaDbDialect;
import io.samokoder.migrations.dialect.postgresql.PostgresDialect;
import io.samokoder.migrations.ops.Column;
import io.samokoder.migrations.ops.ForeignKey;
import io.samokoder.migrations.ops.Index;
import io.samokoder.migrations.ops.Operation;
import io.samokoder.migrations.ops.PrimaryKey;
import io.samokoder.migrations.ops.Type;
import io.samokoder.migrations.script.RevisionScript;
import io.samokoder.migrations.script.ScriptLoader;
import io.samokoder.migrations.script.SqlStatement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The SQL script autogenerate writes: the template's parts filled with the dialect's statements. No database. */
class RevisionBodyTest {

    private static final Map<String, String> VALUES = Map.of("message", "add users", "up_revision", "ab12",
            "down_revision", "", "create_date", "2026-12-04 10:00:00.000000", "branch_labels", "", "depends_on", "");

    private static final Operation USERS = new Operation.CreateTable("users", List.of(
            Column.of("id", Type.BIGINT).notNull(), Column.of("email", Type.string(255))),
            List.of(PrimaryKey.of("id").named("pk_users")), null);
    private static final Operation ORDERS_USER = new Operation.AddColumn("orders", Column.of("user_id", Type.BIGINT));
    private static final Operation ORDERS_FK = new Operation.AddConstraint("orders",
            ForeignKey.from("user_id").references("users", "id").named("fk_orders_user_id_users"));

    private static RevisionBody body(List<RevisionBody.Step> upgrade, List<RevisionBody.Step> downgrade) {
        return new RevisionBody(upgrade, downgrade, PostgresDialect.INSTANCE.operations());
    }

    private static String defaultScript(RevisionBody body) {
        return body.intoScript(ScriptTemplate.render(new ScriptTemplate.Source(ScriptTemplate.DEFAULT, "default"),
                VALUES));
    }

    @Test
    void anEnumTypeThatTwoNewTablesShareIsCreatedOnce() {
        Type status = Type.enumOf("orderstatus", "new", "paid");
        RevisionBody body = body(List.of(
                new RevisionBody.Step("Detected added table 'orders'", new Operation.CreateTable("orders",
                        List.of(Column.of("status", status)), List.of(), null)),
                new RevisionBody.Step("Detected added table 'returns'", new Operation.CreateTable("returns",
                        List.of(Column.of("status", status)), List.of(), null))), List.of());
        String sql = body.sql(body.upgrade());
        assertEquals(1, sql.split("CREATE TYPE orderstatus", -1).length - 1, sql);
        assertTrue(sql.contains("CREATE TABLE returns"), sql);
    }

    @Test
    void eachOperationEndsInASemicolonWithABlankLineBetweenAndItsChangeAbove() {
        RevisionBody body = body(List.of(
                new RevisionBody.Step("Detected added table 'users'", USERS),
                new RevisionBody.Step("Detected added column 'orders.user_id'", ORDERS_USER),
                new RevisionBody.Step("Detected added foreign key (user_id)(id) on table orders", ORDERS_FK)),
                List.of(new RevisionBody.Step(null, new Operation.DropConstraint("orders", "fk_orders_user_id_users",
                        io.samokoder.migrations.ops.ConstraintKind.FOREIGN_KEY)),
                        new RevisionBody.Step(null, new Operation.DropColumn("orders", "user_id")),
                        new RevisionBody.Step(null, new Operation.DropTable("users"))));
        String script = defaultScript(body);
        String createUsers = PostgresDialect.INSTANCE.operations().render(USERS).get(0);
        assertEquals("""
                -- add users
                --
                -- Revision ID: ab12
                -- Revises:\s
                -- Create Date: 2026-12-04 10:00:00.000000

                -- migrate:upgrade
                -- Detected added table 'users'
                %s;

                -- Detected added column 'orders.user_id'
                ALTER TABLE orders ADD COLUMN user_id BIGINT;

                -- Detected added foreign key (user_id)(id) on table orders
                ALTER TABLE orders ADD CONSTRAINT fk_orders_user_id_users FOREIGN KEY (user_id) REFERENCES users (id);

                -- migrate:downgrade
                ALTER TABLE orders DROP CONSTRAINT fk_orders_user_id_users;

                ALTER TABLE orders DROP COLUMN user_id;

                DROP TABLE users;
                """.formatted(createUsers), script);
        RevisionScript parsed = ScriptLoader.parse("filesystem:ab12_add_users.sql", script);
        assertTrue(parsed.transactional());
        assertEquals(3, parsed.upgradeStatements().size());
        assertEquals(List.of("ALTER TABLE orders DROP CONSTRAINT fk_orders_user_id_users",
                "ALTER TABLE orders DROP COLUMN user_id", "DROP TABLE users"),
                parsed.downgradeStatements().stream().map(SqlStatement::sql).map(String::strip)
                        .map(s -> s.endsWith(";") ? s.substring(0, s.length() - 1) : s).toList());
    }

    @Test
    void aChangeOfSeveralOperationsIsNamedOnceAndAnOperationOfSeveralStatementsStaysTogether() {
        Type mood = Type.enumOf("mood", "happy", "sad");
        Operation table = new Operation.CreateTable("people", List.of(Column.of("mood", mood)), List.of(), null);
        RevisionBody body = body(List.of(new RevisionBody.Step("Detected added table 'people'", table),
                new RevisionBody.Step("Detected added table 'people'", new Operation.CreateIndex(
                        Index.on("people", "mood").named("ix_people_mood")))), List.of());
        String upgrade = body.sql(body.upgrade());
        List<String> statements = PostgresDialect.INSTANCE.operations().render(table);
        assertTrue(statements.size() > 1, "CREATE TYPE, then CREATE TABLE: " + statements);
        assertEquals("-- Detected added table 'people'\n" + String.join(";\n", statements) + ";\n\n"
                + "CREATE INDEX ix_people_mood ON people (mood);", upgrade);
    }

    @Test
    void anOperationThatCannotRunInATransactionMakesTheRevisionNonTransactional() {
        Operation concurrent = new Operation.CreateIndex(Index.on("users", "email").named("ix_users_email")
                .concurrently());
        RevisionBody body = body(List.of(new RevisionBody.Step("Detected added index", concurrent)),
                List.of(new RevisionBody.Step(null, new Operation.DropIndex("users", "ix_users_email", true))));
        String script = defaultScript(body);
        assertTrue(script.contains("-- Create Date: 2026-12-04 10:00:00.000000\n-- Transactional: false\n\n"
                + "-- migrate:upgrade\n"), script);
        assertFalse(ScriptLoader.parse("filesystem:x.sql", script).transactional());

        String own = "-- ${message}\n-- Revision ID: ${up_revision}\n-- Revises: ${down_revision}\n"
                + "-- Transactional: true\n\n-- migrate:upgrade\n";
        String fromOwn = body.intoScript(ScriptTemplate.render(new ScriptTemplate.Source(own, "own"), VALUES));
        assertEquals("-- add users\n-- Revision ID: ab12\n-- Revises: \n-- Transactional: false\n\n"
                + "-- migrate:upgrade\n-- Detected added index\nCREATE INDEX CONCURRENTLY ix_users_email ON users (email);"
                + "\n\n-- migrate:downgrade\nDROP INDEX CONCURRENTLY ix_users_email;\n", fromOwn);
        assertFalse(ScriptLoader.parse("filesystem:x.sql", fromOwn).transactional());
    }

    @Test
    void theStatementsAreTheDatabasesOwn() {
        RevisionBody body = new RevisionBody(List.of(new RevisionBody.Step(null, ORDERS_FK)),
                List.of(new RevisionBody.Step(null, new Operation.DropConstraint("orders", "fk_orders_user_id_users",
                        io.samokoder.migrations.ops.ConstraintKind.FOREIGN_KEY))),
                MariaDbDialect.INSTANCE.operations());
        assertEquals(MariaDbDialect.INSTANCE.operations().render(ORDERS_FK).get(0) + ";", body.sql(body.upgrade()));
        assertTrue(body.sql(body.downgrade()).startsWith("ALTER TABLE `orders` DROP FOREIGN KEY")
                || body.sql(body.downgrade()).startsWith("ALTER TABLE orders DROP FOREIGN KEY"), body.sql(body.downgrade()));
    }
}
