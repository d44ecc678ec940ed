package io.samokoder.migrations.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.samokoder.migrations.testsupport.TableComments;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Test helper: runs the portable operations on a real database through {@link LiveOperations} and
 * checks the result through JDBC metadata and queries. Each database's test adds its own checks.
 */
public final class OperationsScenario {

    private final Connection connection;
    private final List<String> statements = new ArrayList<>();
    private final LiveOperations op;
    private final Meta meta;

    /** A scenario on this connection, rendered by this renderer. */
    public OperationsScenario(Connection connection, OperationRenderer renderer) {
        this.connection = connection;
        this.op = new LiveOperations(connection, renderer, NamingConvention.DEFAULT, sql -> {
            statements.add(sql);
            try (Statement st = connection.createStatement()) {
                st.execute(sql);
            }
        });
        this.meta = new Meta(connection);
    }

    /** The live operations. */
    public LiveOperations op() {
        return op;
    }

    /** The metadata reader. */
    public Meta meta() {
        return meta;
    }

    /** The statements run so far. */
    public List<String> statements() {
        return statements;
    }

    /** Runs the portable operations and checks each. */
    public void runPortable() throws SQLException {
        assertThat(op.connection()).isSameAs(connection);
        assertThat(op.hasTable("users")).isFalse();
        Recorded.createUsers(op);
        assertThat(op.hasTable("users")).isTrue();
        assertThat(op.hasTable("USERS")).isTrue();
        assertThat(op.hasColumn("users", "email")).isTrue();
        assertThat(op.hasColumn("users", "nope")).isFalse();
        assertThat(op.hasColumn("nope", "email")).isFalse();
        assertThat(op.hasConstraint("users", "uq_users_email")).isTrue();
        assertThat(op.hasConstraint("users", "ck_users_adult")).isTrue();
        assertThat(op.hasConstraint("users", "uq_nope")).isFalse();
        assertThat(meta.column("users", "email")).endsWith("(255) not null");
        assertThat(meta.column("users", "age")).endsWith(" null").doesNotEndWith("not null");
        assertThat(TableComments.of(connection, "users")).isEqualTo("people");
        op.createTableComment("users", "people's \\ list");
        assertThat(TableComments.of(connection, "users")).isEqualTo("people's \\ list");
        op.dropTableComment("users");
        assertThat(TableComments.of(connection, "users")).isNull();
        op.createTableComment("users", "people");
        assertThat(TableComments.of(connection, "users")).isEqualTo("people");

        op.createTable("orders",
                Column.of("id", Type.BIGINT).primaryKey().autoincrement(),
                Column.of("user_id", Type.UUID).notNull(),
                Column.of("status", Type.enumOf("order_status", "new", "paid")).notNull().serverDefault("'new'"),
                Column.of("payload", Type.JSON),
                Column.of("photo", Type.BYTES),
                Column.of("placed_on", Type.DATE),
                ForeignKey.from("user_id").references("users", "id").onDelete(ReferentialAction.CASCADE));
        assertThat(meta.foreignKeys("orders")).containsExactly("fk_orders_user_id_users -> users");
        assertThat(op.hasConstraint("orders", "fk_orders_user_id_users")).isTrue();

        UUID ada = UUID.fromString("00000000-0000-0000-0000-00000000000a");
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", ada);
        row.put("email", "ada@example.com");
        row.put("name", "O'Brien \\ \"quoted\"");
        row.put("age", 36);
        row.put("balance", new BigDecimal("12.50"));
        op.bulkInsert("users", List.of(row, Map.of("id", UUID.fromString("00000000-0000-0000-0000-00000000000b"),
                "email", "bob@example.com", "age", 20)));
        assertThat(meta.rows("SELECT name, age, balance FROM users ORDER BY email"))
                .containsExactly("O'Brien \\ \"quoted\"|36|12.50", "null|20|0.00");
        op.execute("UPDATE users SET age = :age, name = :name WHERE email = :email /* :not_a_bind */",
                Map.of("age", 40, "name", "it's", "email", "bob@example.com"));
        assertThat(meta.rows("SELECT name, age FROM users WHERE email = 'bob@example.com'")).containsExactly("it's|40");
        op.bulkInsert("orders", List.of(Map.of("user_id", ada, "photo", new byte[] {1, 2, (byte) 0xff},
                "placed_on", LocalDate.of(2024, 2, 29), "payload", "{\"a\": 1}")));
        assertThat(meta.rows("SELECT status, placed_on FROM orders")).containsExactly("new|2024-02-29");

        op.addColumn("users", Column.of("nickname", Type.string(20)).serverDefault("'none'").comment("short"));
        op.alterColumn("users", "nickname", c -> c.type(Type.string(40)).nullable(false)
                .existingType(Type.string(20)).existingNullable(true).existingServerDefault("'none'")
                .existingComment("short"));
        assertThat(meta.column("users", "nickname")).endsWith("(40) not null");
        op.alterColumn("users", "nickname", c -> c.rename("handle"));
        assertThat(op.hasColumn("users", "handle")).isTrue();
        assertThat(op.hasColumn("users", "nickname")).isFalse();

        op.createIndex(Index.on("users", "email", "handle").unique());
        op.createIndex(Index.on("users", "age", "balance"));
        assertThat(meta.indexes("users")).contains("ix_users_email_handle unique email handle", "ix_users_age_balance non-unique age balance");
        assertThat(op.hasIndex("users", "ix_users_email_handle")).isTrue();
        assertThat(op.hasIndex("users", "ix_nope")).isFalse();
        op.dropIndex("ix_users_age_balance", "users");
        assertThat(op.hasIndex("users", "ix_users_age_balance")).isFalse();

        op.batchAlterTable("users", b -> b
                .addColumn(Column.of("score", Type.INTEGER).notNull().serverDefault("0"))
                .createCheckConstraint(Check.of("score_positive", "score >= 0"))
                .createUniqueConstraint(Unique.of("score", "email"))
                .dropConstraint("ck_users_adult", ConstraintKind.CHECK));
        assertThat(op.hasConstraint("users", "ck_users_score_positive")).isTrue();
        assertThat(op.hasConstraint("users", "uq_users_score_email")).isTrue();
        assertThat(op.hasConstraint("users", "ck_users_adult")).isFalse();
        op.dropConstraint("uq_users_score_email", "users", ConstraintKind.UNIQUE);
        assertThat(op.hasConstraint("users", "uq_users_score_email")).isFalse();

        op.createTable("tags", Column.of("name", Type.string(30)).notNull(), Column.of("kind", Type.string(10)).notNull());
        op.createPrimaryKey("tags", PrimaryKey.of("name", "kind"));
        op.createUniqueConstraint("tags", Unique.of("kind", "name"));
        assertThat(meta.primaryKey("tags")).isEqualTo("name kind");
        op.dropConstraint("pk_tags", "tags", ConstraintKind.PRIMARY_KEY);
        assertThat(meta.primaryKey("tags")).isEmpty();
        assertThat(op.hasConstraint("tags", "uq_tags_kind_name")).isTrue();

        op.dropConstraint("fk_orders_user_id_users", "orders", ConstraintKind.FOREIGN_KEY);
        assertThat(meta.foreignKeys("orders")).isEmpty();
        op.createForeignKey("orders", ForeignKey.from("user_id").references("users", "id").named("orders_user"));
        assertThat(meta.foreignKeys("orders")).containsExactly("orders_user -> users");
        op.dropColumn("orders", "photo");
        assertThat(op.hasColumn("orders", "photo")).isFalse();
        op.renameTable("orders", "purchases");
        assertThat(op.hasTable("orders")).isFalse();
        assertThat(op.hasTable("purchases")).isTrue();
        op.dropTable("purchases");
        op.dropTable("tags");
        op.dropTable("users");
        op.dropEnumType("order_status");
        assertThat(op.hasTable("users")).isFalse();

        op.createSequence("ticket_seq", 10, 5);
        assertThat(meta.rows(nextValue("ticket_seq"))).containsExactly("10");
        assertThat(meta.rows(nextValue("ticket_seq"))).containsExactly("15");
        op.dropSequence("ticket_seq");
        op.createSequence("ticket_seq");
        assertThat(meta.rows(nextValue("ticket_seq"))).containsExactly("1");
        op.dropSequence("ticket_seq");

        op.createTable("user", Column.of("order", Type.INTEGER).primaryKey(), Column.of("Mixed Case", Type.TEXT));
        op.bulkInsert("user", List.of(Map.of("order", 1, "Mixed Case", "x")));
        op.createIndex(Index.on("user", "order").named("select"));
        assertThat(op.hasTable("user")).isTrue();
        assertThat(op.hasColumn("user", "Mixed Case")).isTrue();
        assertThat(op.hasIndex("user", "select")).isTrue();
        op.dropIndex("select", "user");
        op.dropTable("user");
        assertThat(op.hasTable("user")).isFalse();
    }

    /**
     * Runs batches whose changes use what an earlier change of the same batch made: a column renamed
     * and then constrained, a foreign key dropped and added again under its name with another rule.
     */
    public void runBatchesInOrder() throws SQLException {
        op.createTable("parent", Column.of("id", Type.INTEGER).primaryKey());
        op.createTable("child", Column.of("id", Type.INTEGER).primaryKey(), Column.of("a", Type.INTEGER),
                Column.of("z", Type.INTEGER), Column.of("parent_id", Type.INTEGER));
        op.createForeignKey("child", ForeignKey.from("parent_id").references("parent", "id"));
        op.batchAlterTable("child", b -> b
                .alterColumn("a", c -> c.rename("a2"))
                .createUniqueConstraint(Unique.of("a2"))
                .dropColumn("z")
                .dropConstraint("fk_child_parent_id_parent", ConstraintKind.FOREIGN_KEY)
                .createForeignKey(ForeignKey.from("parent_id").references("parent", "id")
                        .onDelete(ReferentialAction.CASCADE)));
        assertThat(op.hasColumn("child", "a2")).isTrue();
        assertThat(op.hasColumn("child", "a")).isFalse();
        assertThat(op.hasColumn("child", "z")).isFalse();
        assertThat(op.hasConstraint("child", "uq_child_a2")).isTrue();
        assertThat(deleteRule("child")).isEqualTo(DatabaseMetaData.importedKeyCascade);
        op.dropTable("child");
        op.dropTable("parent");
    }

    /** The delete rule of the table's one foreign key, from JDBC metadata. */
    private int deleteRule(String table) throws SQLException {
        DatabaseMetaData md = connection.getMetaData();
        String name = md.storesUpperCaseIdentifiers() ? table.toUpperCase(java.util.Locale.ROOT) : table;
        try (ResultSet rs = md.getImportedKeys(connection.getCatalog(), connection.getSchema(), name)) {
            assertThat(rs.next()).as("a foreign key on " + table).isTrue();
            return rs.getInt("DELETE_RULE");
        }
    }

    /** A query of the next value of a sequence: PostgreSQL's nextval, the standard NEXT VALUE FOR elsewhere. */
    private String nextValue(String sequence) throws SQLException {
        String product = connection.getMetaData().getDatabaseProductName();
        return product.equals("PostgreSQL") ? "SELECT nextval('" + sequence + "')"
                : "SELECT NEXT VALUE FOR " + sequence;
    }
}
