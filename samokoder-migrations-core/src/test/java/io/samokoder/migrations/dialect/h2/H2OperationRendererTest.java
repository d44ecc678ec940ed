package io.samokoder.migrations.dialect.h2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.samokoder.migrations.ops.Column;
import io.samokoder.migrations.ops.ConstraintKind;
import io.samokoder.migrations.ops.Index;
import io.samokoder.migrations.ops.OperationNotSupportedException;
import io.samokoder.migrations.ops.Operations;
import io.samokoder.migrations.ops.Recorded;
import io.samokoder.migrations.ops.Type;
import io.samokoder.migrations.ops.Unique;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** Golden SQL of every operation and type on H2. */
class H2OperationRendererTest {

    private static List<String> sql(Consumer<Operations> body) {
        return Recorded.sql(H2OperationRenderer.INSTANCE, body);
    }

    @Test
    void createTableWithCommentStatements() {
        assertThat(sql(Recorded::createUsers)).containsExactly("""
                CREATE TABLE users (
                    id UUID NOT NULL,
                    email VARCHAR(255) NOT NULL,
                    name VARCHAR,
                    age SMALLINT,
                    active BOOLEAN DEFAULT TRUE NOT NULL,
                    balance NUMERIC(12, 2) DEFAULT 0,
                    created_at TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP NOT NULL,
                    CONSTRAINT pk_users PRIMARY KEY (id),
                    CONSTRAINT uq_users_email UNIQUE (email),
                    CONSTRAINT ck_users_adult CHECK (age >= 18)
                )""",
                "COMMENT ON TABLE users IS 'people'",
                "COMMENT ON COLUMN users.name IS 'display name'");
    }

    @Test
    void everyTypeMapsToH2Sql() {
        Map<Type, String> expected = new LinkedHashMap<>();
        expected.put(Type.UUID, "UUID");
        expected.put(Type.string(40), "VARCHAR(40)");
        expected.put(Type.string(), "VARCHAR");
        expected.put(Type.TEXT, "VARCHAR");
        expected.put(Type.SMALLINT, "SMALLINT");
        expected.put(Type.INTEGER, "INTEGER");
        expected.put(Type.BIGINT, "BIGINT");
        expected.put(Type.BOOLEAN, "BOOLEAN");
        expected.put(Type.numeric(10, 3), "NUMERIC(10, 3)");
        expected.put(Type.FLOAT, "REAL");
        expected.put(Type.DOUBLE, "DOUBLE PRECISION");
        expected.put(Type.DATE, "DATE");
        expected.put(Type.TIME, "TIME(6)");
        expected.put(Type.TIMESTAMP, "TIMESTAMP");
        expected.put(Type.TIMESTAMPTZ, "TIMESTAMP WITH TIME ZONE");
        expected.put(Type.JSON, "JSON");
        expected.put(Type.BYTES, "VARBINARY");
        expected.put(Type.enumOf("mood", "ok", "sad"), "ENUM('ok', 'sad')");
        expected.forEach((type, sql) -> assertThat(sql(op -> op.addColumn("t", Column.of("c", type))))
                .containsExactly("ALTER TABLE t ADD COLUMN c " + sql));
        assertThatThrownBy(() -> sql(op -> op.addColumn("docs", Column.of("body", Type.JSONB))))
                .isInstanceOf(OperationNotSupportedException.class)
                .hasMessage("Column docs.body is of type jsonb, which H2 does not have; use Type.JSON (H2's JSON)");
    }

    @Test
    void aBatchRunsItsChangesInTheOrderGiven() {
        // A rename and a comment are statements of their own; what follows may use the new name.
        assertThat(sql(op -> op.batchAlterTable("child", b -> b
                .addColumn(Column.of("parent_id", Type.INTEGER))
                .alterColumn("a", c -> c.rename("a2"))
                .createUniqueConstraint(Unique.of("a2"))
                .alterColumn("a2", c -> c.comment("renamed"))
                .dropColumn("z")))).containsExactly(
                "ALTER TABLE child ADD COLUMN parent_id INTEGER",
                "ALTER TABLE child ALTER COLUMN a RENAME TO a2",
                "ALTER TABLE child ADD CONSTRAINT uq_child_a2 UNIQUE (a2)",
                "COMMENT ON COLUMN child.a2 IS 'renamed'",
                "ALTER TABLE child DROP COLUMN z");
    }

    @Test
    void changesAreSeparateStatements() {
        assertThat(sql(op -> {
            op.alterColumn("users", "email", c -> c.type(Type.string(320)).nullable(true).serverDefault("''")
                    .rename("mail").comment("primary"));
            op.batchAlterTable("users", b -> b.addColumn(Column.of("x", Type.INTEGER)).dropColumn("age")
                    .createUniqueConstraint(Unique.of("x")).dropConstraint("uq_users_x", ConstraintKind.UNIQUE));
            op.renameTable("users", "people");
            op.createIndex(Index.on("users", "email"));
            op.dropIndex("ix_users_email", "users");
        })).containsExactly(
                "ALTER TABLE users ALTER COLUMN email SET DATA TYPE VARCHAR(320)",
                "ALTER TABLE users ALTER COLUMN email DROP NOT NULL",
                "ALTER TABLE users ALTER COLUMN email SET DEFAULT ''",
                "ALTER TABLE users ALTER COLUMN email RENAME TO mail",
                "COMMENT ON COLUMN users.mail IS 'primary'",
                "ALTER TABLE users ADD COLUMN x INTEGER",
                "ALTER TABLE users DROP COLUMN age",
                "ALTER TABLE users ADD CONSTRAINT uq_users_x UNIQUE (x)",
                "ALTER TABLE users DROP CONSTRAINT uq_users_x",
                "ALTER TABLE users RENAME TO people",
                "CREATE INDEX ix_users_email ON users (email)",
                "DROP INDEX ix_users_email");
    }

    @Test
    void identifiersFoldableToUpperCaseStayBare() {
        assertThat(sql(op -> op.createTable("USERS", Column.of("Name", Type.TEXT), Column.of("value", Type.TEXT),
                Column.of("plain", Type.TEXT), Column.of("LOUD", Type.TEXT)))).containsExactly("""
                CREATE TABLE USERS (
                    "Name" VARCHAR,
                    "value" VARCHAR,
                    plain VARCHAR,
                    LOUD VARCHAR
                )""");
    }

    @Test
    void literals() {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", UUID.fromString("00000000-0000-0000-0000-000000000001"));
        row.put("avatar", new byte[] {(byte) 0xca, (byte) 0xfe});
        row.put("name", "a\\b");
        assertThat(sql(op -> op.bulkInsert("users", List.of(row)))).containsExactly(
                "INSERT INTO users (id, avatar, name) VALUES (UUID '00000000-0000-0000-0000-000000000001', X'cafe',"
                        + " 'a\\b')");
    }

    @Test
    void postgresOnlyFeaturesFailClearly() {
        assertThatThrownBy(() -> sql(op -> op.createIndex(Index.on("users", "email").where("active"))))
                .isInstanceOf(OperationNotSupportedException.class).hasMessageContaining("partial")
                .hasMessageContaining("H2");
        assertThatThrownBy(() -> sql(op -> op.dropIndexConcurrently("ix", "users")))
                .hasMessageContaining("DROP INDEX CONCURRENTLY");
    }

    @Test
    void tableComments() {
        assertThat(sql(op -> {
            op.createTableComment("users", "people's");
            op.dropTableComment("Mixed Case");
        })).containsExactly("COMMENT ON TABLE users IS 'people''s'", "COMMENT ON TABLE \"Mixed Case\" IS NULL");
    }

    @Test
    void sequences() {
        assertThat(sql(op -> {
            op.createSequence("order_seq");
            op.createSequence("Ticket Seq", 100, -5);
            op.dropSequence("order_seq");
        })).containsExactly("CREATE SEQUENCE order_seq START WITH 1 INCREMENT BY 1",
                "CREATE SEQUENCE \"Ticket Seq\" START WITH 100 INCREMENT BY -5", "DROP SEQUENCE order_seq");
    }
}
