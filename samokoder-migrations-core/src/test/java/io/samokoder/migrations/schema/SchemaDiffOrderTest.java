package io.samokoder.migrations.schema;

import static io.samokoder.migrations.schema.Tables.keyed;
import static io.samokoder.migrations.schema.Tables.schema;
import static org.assertj.core.api.Assertions.assertThat;

import io.samokoder.migrations.dialect.postgresql.PostgresDialect;
import io.samokoder.migrations.ops.Column;
import io.samokoder.migrations.ops.ConstraintKind;
import io.samokoder.migrations.ops.ForeignKey;
import io.samokoder.migrations.ops.Index;
import io.samokoder.migrations.ops.Operation;
import io.samokoder.migrations.ops.Type;
import io.samokoder.migrations.ops.Unique;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;

/** The order of a diff's upgrade and downgrade operations, and each downgrade operation undoing its upgrade one. */
class SchemaDiffOrderTest {

    private static final CompareOptions DROPPING = CompareOptions.defaults(PostgresDialect.INSTANCE)
            .withDropUnmappedTables(true);
    private static final Column USER_ID = Column.of("user_id", Type.BIGINT);

    private static List<String> summary(List<Operation> operations) {
        return operations.stream().map(SchemaDiffOrderTest::summary).toList();
    }

    private static String summary(Operation op) {
        String name = op.getClass().getSimpleName();
        if (op instanceof Operation.AddConstraint a) {
            return name + " " + op.table() + "." + a.constraint().name();
        } else if (op instanceof Operation.DropConstraint d) {
            return name + " " + op.table() + "." + d.name();
        } else if (op instanceof Operation.CreateSequence s) {
            return name + " " + s.name();
        } else if (op instanceof Operation.DropSequence s) {
            return name + " " + s.name();
        }
        return name + " " + op.table();
    }

    @Test
    void tablesAreCreatedBeforeTheTablesReferringToThem() {
        Schema model = schema(keyed("lines", Column.of("order_id", Type.BIGINT))
                        .foreignKey(ForeignKey.from("order_id").references("orders", "id")),
                keyed("orders", USER_ID).foreignKey(ForeignKey.from("user_id").references("users", "id")),
                keyed("users"));
        SchemaDiff diff = SchemaComparator.compare(model, Schema.EMPTY, DROPPING);
        assertThat(diff.changes()).extracting(SchemaChange::tuple).containsExactly("('add_table', 'lines')",
                "('add_table', 'orders')", "('add_table', 'users')");
        assertThat(summary(diff.upgrade())).containsExactly("CreateTable users", "CreateTable orders", "CreateTable lines");
        assertThat(summary(diff.downgrade())).containsExactly("DropTable lines", "DropTable orders", "DropTable users");
        assertUndoes(diff);

        SchemaDiff drop = SchemaComparator.compare(Schema.EMPTY, model, DROPPING);
        assertThat(summary(drop.upgrade())).containsExactly("DropTable lines", "DropTable orders", "DropTable users");
        assertThat(summary(drop.downgrade())).containsExactly("CreateTable users", "CreateTable orders",
                "CreateTable lines");
        assertUndoes(drop);
    }

    @Test
    void aCycleIsClosedByAForeignKeyAddedAfterTheTables() {
        Schema model = schema(keyed("a", Column.of("b_id", Type.BIGINT)).foreignKey(ForeignKey.from("b_id")
                        .references("b", "id")),
                keyed("b", Column.of("a_id", Type.BIGINT), Column.of("parent", Type.BIGINT))
                        .foreignKey(ForeignKey.from("a_id").references("a", "id"))
                        .foreignKey(ForeignKey.from("parent").references("b", "id")));
        SchemaDiff diff = SchemaComparator.compare(model, Schema.EMPTY, DROPPING);
        assertThat(summary(diff.upgrade())).containsExactly("CreateTable b", "CreateTable a",
                "AddConstraint b.fk_b_a_id_a");
        Operation.CreateTable b = (Operation.CreateTable) diff.upgrade().get(0);
        assertThat(b.constraints()).extracting(c -> c.kind()).containsExactly(ConstraintKind.PRIMARY_KEY,
                ConstraintKind.FOREIGN_KEY);
        assertThat(summary(diff.downgrade())).containsExactly("DropConstraint b.fk_b_a_id_a", "DropTable a",
                "DropTable b");
        assertUndoes(diff);

        Schema named = schema(keyed("a", Column.of("b_id", Type.BIGINT)).foreignKey(ForeignKey.from("b_id")
                        .references("b", "id").named("a_b")),
                keyed("b", Column.of("a_id", Type.BIGINT)).foreignKey(ForeignKey.from("a_id").references("a", "id")
                        .named("b_a")));
        SchemaDiff drop = SchemaComparator.compare(Schema.EMPTY, named, DROPPING);
        assertThat(summary(drop.upgrade())).containsExactly("DropConstraint b.b_a", "DropTable a", "DropTable b");
        assertThat(summary(drop.downgrade())).containsExactly("CreateTable b", "CreateTable a", "AddConstraint b.b_a");
        assertUndoes(drop);
    }

    @Test
    void everyKindOfOperationHasItsPlace() {
        Schema database = new Schema(List.of(
                keyed("users", Column.of("email", Type.string(100)), Column.of("old", Type.TEXT))
                        .index(Index.on("users", "old").named("ix_users_old"))
                        .unique(new Unique("uq_users_old", List.of("old"))).build(),
                keyed("orders", USER_ID).foreignKey(ForeignKey.from("user_id").references("users", "id")
                        .named("orders_user")).build(),
                keyed("legacy").build()), List.of(new SchemaSequence("legacy_seq", 1, 1)));
        Schema model = new Schema(List.of(
                keyed("users", Column.of("email", Type.string(200)), Column.of("nick", Type.TEXT))
                        .index(Index.on("users", "nick").named("ix_users_nick")).unique(Unique.of("email")).build(),
                keyed("orders", USER_ID).foreignKey(ForeignKey.from("user_id").references("accounts", "id")).build(),
                keyed("accounts").build()), List.of(new SchemaSequence("order_seq", 1, 50)));
        SchemaDiff diff = SchemaComparator.compare(model, database, DROPPING);
        assertThat(summary(diff.upgrade())).containsExactly(
                "CreateSequence order_seq",
                "CreateTable accounts",
                "AddColumn users",
                "AlterColumn users",
                "DropConstraint orders.orders_user",
                "DropIndex users",
                "DropConstraint users.uq_users_old",
                "CreateIndex users",
                "AddConstraint users.uq_users_email",
                "AddConstraint orders.fk_orders_user_id_accounts",
                "DropColumn users",
                "DropTable legacy",
                "DropSequence legacy_seq");
        assertThat(summary(diff.downgrade())).containsExactly(
                "CreateSequence legacy_seq",
                "CreateTable legacy",
                "AddColumn users",
                "DropConstraint orders.fk_orders_user_id_accounts",
                "DropConstraint users.uq_users_email",
                "DropIndex users",
                "AddConstraint users.uq_users_old",
                "CreateIndex users",
                "AddConstraint orders.orders_user",
                "AlterColumn users",
                "DropColumn users",
                "DropTable accounts",
                "DropSequence order_seq");
        assertUndoes(diff);
    }

    /** Each downgrade operation undoes the upgrade operation in the mirrored place. */
    private static void assertUndoes(SchemaDiff diff) {
        List<Operation> up = diff.upgrade();
        List<Operation> down = diff.downgrade();
        assertThat(down).hasSameSizeAs(up);
        for (int i = 0; i < up.size(); i++) {
            Operation op = up.get(i);
            Operation undo = down.get(up.size() - 1 - i);
            assertThat(undoes(undo, op)).as(undo + " undoes " + op).isTrue();
        }
    }

    private static boolean undoes(Operation undo, Operation op) {
        if (op instanceof Operation.CreateTable c) {
            return undo.equals(new Operation.DropTable(c.table()));
        } else if (op instanceof Operation.DropTable d) {
            return undo instanceof Operation.CreateTable c && c.table().equals(d.table());
        } else if (op instanceof Operation.AddColumn a) {
            return undo.equals(new Operation.DropColumn(a.table(), a.column().name()));
        } else if (op instanceof Operation.DropColumn d) {
            return undo instanceof Operation.AddColumn a && a.column().name().equals(d.column());
        } else if (op instanceof Operation.CreateIndex c) {
            return undo.equals(new Operation.DropIndex(c.table(), c.index().name(), false));
        } else if (op instanceof Operation.DropIndex d) {
            return undo instanceof Operation.CreateIndex c && c.index().name().equals(d.name());
        } else if (op instanceof Operation.AddConstraint a) {
            return undo.equals(new Operation.DropConstraint(a.table(), a.constraint().name(), a.constraint().kind()));
        } else if (op instanceof Operation.DropConstraint d) {
            return undo instanceof Operation.AddConstraint a && a.constraint().name().equals(d.name())
                    && a.constraint().kind() == d.kind();
        } else if (op instanceof Operation.CreateSequence s) {
            return undo.equals(new Operation.DropSequence(s.name()));
        } else if (op instanceof Operation.DropSequence d) {
            return undo instanceof Operation.CreateSequence s && s.name().equals(d.name());
        } else if (op instanceof Operation.AlterColumn a && undo instanceof Operation.AlterColumn u) {
            return Objects.equals(u.type() == null ? null : a.existingType(), u.type())
                    && Objects.equals(u.existingType(), a.type() == null ? a.existingType() : a.type())
                    && Objects.equals(u.nullable(), a.nullable() == null ? null : a.existingNullable())
                    && Objects.equals(u.existingNullable(), a.nullable() == null ? a.existingNullable() : a.nullable());
        }
        return false;
    }
}
