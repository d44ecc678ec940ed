package io.samokoder.migrations.dialect.mariadb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.samokoder.migrations.ops.Check;
import io.samokoder.migrations.ops.Column;
import io.samokoder.migrations.ops.ConstraintKind;
import io.samokoder.migrations.ops.ForeignKey;
import io.samokoder.migrations.ops.Index;
import io.samokoder.migrations.ops.OperationNotSupportedException;
import io.samokoder.migrations.ops.Operations;
import io.samokoder.migrations.ops.Recorded;
import io.samokoder.migrations.ops.ReferentialAction;
import io.samokoder.migrations.ops.Type;
import io.samokoder.migrations.ops.Unique;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** Golden SQL of every operation and type on MariaDB/MySQL. */
class MariaDbOperationRendererTest {

    private static List<String> sql(Consumer<Operations> body) {
        return Recorded.sql(MariaDbOperationRenderer.INSTANCE, body);
    }

    @Test
    void createTableWithInlineCommentsAndEnums() {
        assertThat(sql(Recorded::createUsers)).containsExactly("""
                CREATE TABLE users (
                    id CHAR(36) NOT NULL,
                    email VARCHAR(255) NOT NULL,
                    name TEXT COMMENT 'display name',
                    age SMALLINT,
                    active BOOLEAN DEFAULT TRUE NOT NULL,
                    balance DECIMAL(12, 2) DEFAULT 0,
                    created_at TIMESTAMP(6) DEFAULT CURRENT_TIMESTAMP NOT NULL,
                    CONSTRAINT pk_users PRIMARY KEY (id),
                    CONSTRAINT uq_users_email UNIQUE (email),
                    CONSTRAINT ck_users_adult CHECK (age >= 18)
                ) COMMENT='people'""");
        assertThat(sql(op -> op.createTable("orders",
                Column.of("id", Type.BIGINT).primaryKey().autoincrement(),
                Column.of("status", Type.enumOf("order_status", "new", "paid")).notNull().serverDefault("'new'"),
                Column.of("user_id", Type.UUID),
                ForeignKey.from("user_id").references("users", "id").onDelete(ReferentialAction.CASCADE))))
                .containsExactly("""
                        CREATE TABLE orders (
                            id BIGINT AUTO_INCREMENT NOT NULL,
                            status ENUM('new', 'paid') DEFAULT 'new' NOT NULL,
                            user_id CHAR(36),
                            CONSTRAINT pk_orders PRIMARY KEY (id),
                            CONSTRAINT fk_orders_user_id_users FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
                        )""");
    }

    @Test
    void everyTypeMapsToMariaDbSql() {
        Map<Type, String> expected = new LinkedHashMap<>();
        expected.put(Type.UUID, "CHAR(36)");
        expected.put(Type.string(40), "VARCHAR(40)");
        expected.put(Type.TEXT, "TEXT");
        expected.put(Type.SMALLINT, "SMALLINT");
        expected.put(Type.INTEGER, "INTEGER");
        expected.put(Type.BIGINT, "BIGINT");
        expected.put(Type.BOOLEAN, "BOOLEAN");
        expected.put(Type.numeric(10, 3), "DECIMAL(10, 3)");
        expected.put(Type.FLOAT, "FLOAT");
        expected.put(Type.DOUBLE, "DOUBLE");
        expected.put(Type.DATE, "DATE");
        expected.put(Type.TIME, "TIME(6)");
        expected.put(Type.TIMESTAMP, "DATETIME(6)");
        expected.put(Type.TIMESTAMPTZ, "TIMESTAMP(6) NULL");
        expected.put(Type.JSON, "JSON");
        expected.put(Type.BYTES, "LONGBLOB");
        expected.put(Type.enumOf("mood", "ok", "it's"), "ENUM('ok', 'it''s')");
        expected.forEach((type, sql) -> assertThat(sql(op -> op.addColumn("t", Column.of("c", type))))
                .containsExactly("ALTER TABLE t ADD COLUMN c " + sql));
        assertThat(sql(op -> {
            op.createEnumType(Type.enumOf("mood", "ok"));
            op.dropEnumType("mood");
        })).isEmpty();
    }

    @Test
    void typesMariaDbCannotHoldFailNamingColumnAndWhatToUse() {
        assertThatThrownBy(() -> sql(op -> op.addColumn("docs", Column.of("body", Type.JSONB))))
                .isInstanceOf(OperationNotSupportedException.class)
                .hasMessage("Column docs.body is of type jsonb, which MariaDB/MySQL does not have; use Type.JSON"
                        + " (MariaDB/MySQL's JSON)");
        assertThatThrownBy(() -> sql(op -> op.addColumn("docs", Column.of("title", Type.string()))))
                .hasMessageContaining("docs.title").hasMessageContaining("Type.string(n)");
    }

    @Test
    void alterColumnRestatesTheColumnFromExistingDefinition() {
        assertThat(sql(op -> {
            op.alterColumn("users", "email", c -> c.type(Type.string(320)).existingNullable(false)
                    .existingServerDefault("''").existingComment("mail"));
            op.alterColumn("users", "email", c -> c.nullable(true).rename("mail").existingType(Type.string(320))
                    .comment("primary"));
            op.alterColumn("users", "age", c -> c.serverDefault("0"));
            op.alterColumn("users", "age", c -> c.dropServerDefault());
            op.alterColumn("users", "age", c -> c.rename("years"));
            op.alterColumn("users", "name", c -> c.dropComment().dropServerDefault().existingType(Type.TEXT)
                    .existingNullable(true).existingServerDefault("'x'").existingComment("old"));
        })).containsExactly(
                "ALTER TABLE users MODIFY email VARCHAR(320) DEFAULT '' NOT NULL COMMENT 'mail'",
                "ALTER TABLE users CHANGE email mail VARCHAR(320) COMMENT 'primary'",
                "ALTER TABLE users ALTER COLUMN age SET DEFAULT 0",
                "ALTER TABLE users ALTER COLUMN age DROP DEFAULT",
                "ALTER TABLE users RENAME COLUMN age TO years",
                "ALTER TABLE users MODIFY name TEXT");
    }

    @Test
    void alterColumnRestatesAutoIncrementOfAnIdentityColumn() {
        assertThat(sql(op -> {
            op.alterColumn("users", "id", c -> c.type(Type.BIGINT).existingType(Type.INTEGER).existingNullable(false)
                    .existingAutoincrement(true));
            op.alterColumn("users", "id", c -> c.rename("key").existingType(Type.INTEGER).existingNullable(false)
                    .existingAutoincrement(true).comment("generated"));
            op.alterColumn("users", "id", c -> c.rename("key").existingAutoincrement(true));
        })).containsExactly("ALTER TABLE users MODIFY id BIGINT AUTO_INCREMENT NOT NULL",
                "ALTER TABLE users CHANGE id `key` INTEGER AUTO_INCREMENT NOT NULL COMMENT 'generated'",
                "ALTER TABLE users RENAME COLUMN id TO `key`");
    }

    @Test
    void alterColumnWithoutTheExistingDefinitionFailsNamingWhatIsMissing() {
        assertThatThrownBy(() -> sql(op -> op.alterColumn("users", "email", c -> c.nullable(false))))
                .isInstanceOf(OperationNotSupportedException.class)
                .hasMessageContaining("alterColumn(users.email)").hasMessageContaining("give existingType");
        assertThatThrownBy(() -> sql(op -> op.alterColumn("users", "email", c -> c.comment("x"))))
                .hasMessageContaining("give existingType and existingNullable");
    }

    @Test
    void tablesIndexesAndConstraints() {
        assertThat(sql(op -> {
            op.dropTable("orders");
            op.renameTable("users", "people");
            op.dropColumn("users", "age");
            op.createIndex(Index.on("users", "email", "name").unique());
            op.dropIndex("ix_users_email_name", "users");
            op.createForeignKey("orders", ForeignKey.from("user_id").references("users", "id"));
            op.createUniqueConstraint("users", Unique.of("name"));
            op.dropConstraint("fk_orders_user_id_users", "orders", ConstraintKind.FOREIGN_KEY);
            op.dropConstraint("uq_users_name", "users", ConstraintKind.UNIQUE);
            op.dropConstraint("ck_users_adult", "users", ConstraintKind.CHECK);
            op.dropConstraint("pk_users", "users", ConstraintKind.PRIMARY_KEY);
        })).containsExactly(
                "DROP TABLE orders",
                "RENAME TABLE users TO people",
                "ALTER TABLE users DROP COLUMN age",
                "CREATE UNIQUE INDEX ix_users_email_name ON users (email, name)",
                "DROP INDEX ix_users_email_name ON users",
                "ALTER TABLE orders ADD CONSTRAINT fk_orders_user_id_users FOREIGN KEY (user_id) REFERENCES users (id)",
                "ALTER TABLE users ADD CONSTRAINT uq_users_name UNIQUE (name)",
                "ALTER TABLE orders DROP FOREIGN KEY fk_orders_user_id_users",
                "DROP INDEX IF EXISTS fk_orders_user_id_users ON orders",
                "ALTER TABLE users DROP INDEX uq_users_name",
                "ALTER TABLE users DROP CONSTRAINT ck_users_adult",
                "ALTER TABLE users DROP PRIMARY KEY");
    }

    @Test
    void postgresOnlyFeaturesFailClearly() {
        assertThatThrownBy(() -> sql(op -> op.createIndex(Index.on("users", "email").where("active"))))
                .isInstanceOf(OperationNotSupportedException.class).hasMessageContaining("ix_users_email on users")
                .hasMessageContaining("partial");
        assertThatThrownBy(() -> sql(op -> op.createIndex(Index.on("users", "email").concurrently())))
                .hasMessageContaining("concurrently");
        assertThatThrownBy(() -> sql(op -> op.createIndex(Index.onExpressions("users", "lower(email)").named("ix_l"))))
                .hasMessageContaining("expression");
        assertThatThrownBy(() -> sql(op -> op.createForeignKey("orders",
                ForeignKey.from("user_id").references("users", "id").notValid()))).hasMessageContaining("NOT VALID");
        assertThatThrownBy(() -> sql(op -> op.createCheckConstraint("orders", Check.of("ck_total", "total > 0")
                .notValid()))).hasMessage("Check constraint ck_orders_ck_total on orders is notValid(), which"
                        + " MariaDB/MySQL does not have (it is PostgreSQL's NOT VALID); drop notValid()");
        assertThatThrownBy(() -> sql(op -> op.alterColumn("users", "age", c -> c.type(Type.INTEGER).using("age + 0")
                .existingNullable(true)))).hasMessageContaining("using(age + 0), which is PostgreSQL's");
        assertThatThrownBy(() -> sql(op -> op.validateConstraint("fk", "orders")))
                .hasMessageContaining("VALIDATE CONSTRAINT");
    }

    @Test
    void literalsEscapeBackslashesAndGiveOffsetsInTheSessionsZone() {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("name", "it's a \\ path");
        row.put("id", UUID.fromString("00000000-0000-0000-0000-000000000001"));
        row.put("created_at", OffsetDateTime.of(2024, 5, 6, 7, 8, 9, 0, ZoneOffset.ofHours(2)));
        row.put("avatar", new byte[] {1, (byte) 0xff});
        row.put("active", false);
        assertThat(sql(op -> {
            op.bulkInsert("users", List.of(row));
            op.execute("SELECT * FROM `t:x` WHERE a = :a", Map.of("a", "\\"));
        })).containsExactly("INSERT INTO users (name, id, created_at, avatar, active) VALUES ('it''s a \\\\ path',"
                + " '00000000-0000-0000-0000-000000000001',"
                + " CONVERT_TZ(TIMESTAMP '2024-05-06 05:08:09.000000', '+00:00', @@session.time_zone), X'01ff', FALSE)",
                "SELECT * FROM `t:x` WHERE a = '\\\\'");
    }

    @Test
    void batchAlterTableIsOneStatementAndIdentifiersUseBackticks() {
        assertThat(sql(op -> op.batchAlterTable("order", b -> b
                .addColumn(Column.of("Key", Type.INTEGER).comment("k"))
                .dropColumn("age")
                .alterColumn("name", c -> c.nullable(false).existingType(Type.string(20)))
                .dropConstraint("uq_x", ConstraintKind.UNIQUE)))).containsExactly(
                "ALTER TABLE `order` ADD COLUMN `Key` INTEGER COMMENT 'k', DROP COLUMN age,"
                        + " MODIFY name VARCHAR(20) NOT NULL, DROP INDEX uq_x");
    }

    @Test
    void aRenameEndsTheSharedStatementSinceMariaDbReadsItsActionsAgainstTheOldNames() {
        assertThat(sql(op -> op.alterColumn("t", "b", c -> c.rename("b2").serverDefault("5")))).containsExactly(
                "ALTER TABLE t ALTER COLUMN b SET DEFAULT 5", "ALTER TABLE t RENAME COLUMN b TO b2");
        assertThat(sql(op -> op.alterColumn("t", "b", c -> c.rename("b2").dropServerDefault()))).containsExactly(
                "ALTER TABLE t ALTER COLUMN b DROP DEFAULT", "ALTER TABLE t RENAME COLUMN b TO b2");
        assertThat(sql(op -> op.alterColumn("t", "b", c -> c.rename("b2")))).containsExactly(
                "ALTER TABLE t RENAME COLUMN b TO b2");
        assertThat(sql(op -> op.batchAlterTable("t", b -> b
                .addColumn(Column.of("x", Type.INTEGER))
                .alterColumn("c", c -> c.rename("d"))
                .alterColumn("d", c -> c.type(Type.BIGINT).existingNullable(true))
                .alterColumn("e", c -> c.rename("f").existingType(Type.INTEGER).nullable(false))
                .alterColumn("f", c -> c.serverDefault("1"))
                .dropColumn("g")))).containsExactly(
                "ALTER TABLE t ADD COLUMN x INTEGER",
                "ALTER TABLE t RENAME COLUMN c TO d",
                "ALTER TABLE t MODIFY d BIGINT, CHANGE e f INTEGER NOT NULL",
                "ALTER TABLE t ALTER COLUMN f SET DEFAULT 1, DROP COLUMN g");
    }

    @Test
    void aForeignKeyDroppedAndAddedAgainInABatchAreTwoStatements() {
        // InnoDB refuses both under one name in one ALTER TABLE; the dropped key's index goes in between.
        assertThat(sql(op -> op.batchAlterTable("child", b -> b
                .dropConstraint("fk_child_parent_id_parent", ConstraintKind.FOREIGN_KEY)
                .createForeignKey(ForeignKey.from("parent_id").references("parent", "id")
                        .onDelete(ReferentialAction.CASCADE))))).containsExactly(
                "ALTER TABLE child DROP FOREIGN KEY fk_child_parent_id_parent",
                "DROP INDEX IF EXISTS fk_child_parent_id_parent ON child",
                "ALTER TABLE child ADD CONSTRAINT fk_child_parent_id_parent FOREIGN KEY (parent_id)"
                        + " REFERENCES parent (id) ON DELETE CASCADE");
        assertThat(Recorded.sql(MariaDbOperationRenderer.MYSQL, op -> op.batchAlterTable("child", b -> b
                .dropConstraint("fk_child_parent_id_parent", ConstraintKind.FOREIGN_KEY)
                .dropColumn("z")
                .createForeignKey(ForeignKey.from("parent_id").references("parent", "id"))))).containsExactly(
                "ALTER TABLE child DROP FOREIGN KEY fk_child_parent_id_parent, DROP COLUMN z",
                "ALTER TABLE child ADD CONSTRAINT fk_child_parent_id_parent FOREIGN KEY (parent_id)"
                        + " REFERENCES parent (id)");
    }

    @Test
    void bindsSkipStringsWithBackslashEscapesAndHashComments() {
        assertThat(sql(op -> op.execute("INSERT INTO notes (id, body) VALUES (:id, 'don\\'t touch :body') # :x",
                Map.of("id", 1)))).containsExactly("INSERT INTO notes (id, body) VALUES (1, 'don\\'t touch :body') # :x");
    }

    @Test
    void reservedWordsOfMariaDbAreQuoted() {
        assertThat(sql(op -> op.addColumn("t", Column.of("portion", Type.INTEGER))))
                .containsExactly("ALTER TABLE t ADD COLUMN `portion` INTEGER");
    }

    @Test
    void namesLongerThan64CharactersFail() {
        assertThatThrownBy(() -> sql(op -> op.dropTable("t".repeat(65))))
                .isInstanceOf(OperationNotSupportedException.class).hasMessageContaining("at most 64");
        assertThat(sql(op -> op.dropTable("t".repeat(64)))).hasSize(1);
    }

    @Test
    void tableComments() {
        assertThat(sql(op -> {
            op.createTableComment("users", "people's \\ all");
            op.dropTableComment("User");
        })).containsExactly("ALTER TABLE users COMMENT 'people''s \\\\ all'", "ALTER TABLE `User` COMMENT ''");
    }

    @Test
    void sequences() {
        assertThat(sql(op -> {
            op.createSequence("order_seq");
            op.createSequence("Ticket Seq", 100, -5);
            op.dropSequence("order_seq");
        })).containsExactly("CREATE SEQUENCE order_seq START WITH 1 INCREMENT BY 1",
                "CREATE SEQUENCE `Ticket Seq` START WITH 100 INCREMENT BY -5", "DROP SEQUENCE order_seq");
    }

    @Test
    void mysqlHasNoSequences() {
        assertThatThrownBy(() -> Recorded.sql(MariaDbOperationRenderer.MYSQL, op -> op.createSequence("order_seq")))
                .isInstanceOf(OperationNotSupportedException.class)
                .hasMessage("createSequence(order_seq): MySQL has no sequences (MariaDB has them since 10.3); use an"
                        + " AUTO_INCREMENT column (Column.autoincrement()) instead");
        assertThatThrownBy(() -> Recorded.sql(MariaDbOperationRenderer.MYSQL, op -> op.dropSequence("order_seq")))
                .isInstanceOf(OperationNotSupportedException.class).hasMessageStartingWith("dropSequence(order_seq): MySQL");
        assertThat(MariaDbDialect.MYSQL.operations()).isSameAs(MariaDbOperationRenderer.MYSQL);
    }

    @Test
    void mysqlKeepsTheIndexOfADroppedForeignKeyHavingNoDropIndexIfExists() {
        assertThat(Recorded.sql(MariaDbOperationRenderer.MYSQL,
                op -> op.dropConstraint("fk_orders_user", "orders", ConstraintKind.FOREIGN_KEY)))
                .containsExactly("ALTER TABLE orders DROP FOREIGN KEY fk_orders_user");
        assertThat(MariaDbDialect.INSTANCE.operations()).isSameAs(MariaDbOperationRenderer.INSTANCE);
    }
}
