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
import io.samokoder.migrations.ops.ReferentialAction;
import io.samokoder.migrations.ops.Type;
import io.samokoder.migrations.ops.Unique;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Indexes, unique constraints and foreign keys as the comparator matches them. */
class KeyComparisonTest {

    private static final CompareOptions PG = CompareOptions.defaults(PostgresDialect.INSTANCE);
    private static final Column EMAIL = Column.of("email", Type.string(255)).notNull();
    private static final Column NAME = Column.of("name", Type.TEXT);
    private static final Column USER_ID = Column.of("user_id", Type.BIGINT);

    private static SchemaDiff diff(Schema model, Schema database) {
        return SchemaComparator.compare(model, database, PG);
    }

    private static List<String> messages(SchemaDiff diff) {
        return diff.changes().stream().map(SchemaChange::message).toList();
    }

    @Test
    void indexesAddedAndRemoved() {
        Index byEmail = Index.on("users", "email").named("ix_users_email");
        Index byName = Index.on("users", "name", "email").named("ix_users_name");
        SchemaDiff diff = diff(schema(keyed("users", EMAIL, NAME).index(byEmail)),
                schema(keyed("users", EMAIL, NAME).index(byName)));
        assertThat(messages(diff)).containsExactly("Detected added index 'ix_users_email' on '['email']'",
                "Detected removed index 'ix_users_name' on 'users'");
        assertThat(diff.checkText()).isEqualTo("New upgrade operations detected: [('add_index', 'ix_users_email'),"
                + " ('remove_index', 'ix_users_name')]");
        assertThat(diff.upgrade()).containsExactly(new Operation.DropIndex("users", "ix_users_name", false),
                new Operation.CreateIndex(byEmail));
        assertThat(diff.downgrade()).containsExactly(new Operation.DropIndex("users", "ix_users_email", false),
                new Operation.CreateIndex(byName));
    }

    @Test
    void aChangedIndexOfTheSameNameIsDroppedAndCreated() {
        Index before = Index.on("users", "email").named("ix_users_email");
        Index after = Index.on("users", "email").named("ix_users_email").unique();
        SchemaDiff diff = diff(schema(keyed("users", EMAIL).index(after)), schema(keyed("users", EMAIL).index(before)));
        assertThat(diff.changes()).extracting(SchemaChange::kind).containsExactly("remove_index", "add_index");
        assertThat(diff.upgrade()).containsExactly(new Operation.DropIndex("users", "ix_users_email", false),
                new Operation.CreateIndex(after));
    }

    @Test
    void unnamedAndDifferentlyNamedIndexesMatchByColumnsAndUniqueness() {
        Schema database = schema(keyed("users", EMAIL, NAME).index(Index.on("users", "email").named("users_email_idx"))
                .index(Index.on("users", "name").named("users_name_key").unique())
                .unique(new Unique("uq_email_name", List.of("email", "name"))));
        Schema model = schema(keyed("users", EMAIL, NAME).index(Index.on("users", "email"))
                .unique(Unique.of("name")).index(Index.on("users", "email", "name").unique().named("other")));
        assertThat(diff(model, database).isEmpty()).isTrue();
        Schema notUnique = schema(keyed("users", EMAIL, NAME).index(Index.on("users", "email").unique())
                .unique(Unique.of("name")).unique(Unique.of("email", "name")));
        assertThat(messages(diff(notUnique, database))).containsExactly(
                "Detected added index 'ix_users_email' on '['email']'",
                "Detected removed index 'users_email_idx' on 'users'");
    }

    @Test
    void uniqueConstraintsAddedAndRemoved() {
        SchemaDiff diff = diff(schema(keyed("users", EMAIL, NAME).unique(Unique.of("email"))),
                schema(keyed("users", EMAIL, NAME).unique(new Unique("uq_users_name", List.of("name")))));
        assertThat(messages(diff)).containsExactly("Detected added unique constraint 'uq_users_email' on '['email']'",
                "Detected removed unique constraint 'uq_users_name' on 'users'");
        assertThat(diff.checkText()).isEqualTo("New upgrade operations detected: [('add_constraint', 'uq_users_email'),"
                + " ('remove_constraint', 'uq_users_name')]");
        assertThat(diff.upgrade()).containsExactly(
                new Operation.DropConstraint("users", "uq_users_name", ConstraintKind.UNIQUE),
                new Operation.AddConstraint("users", new Unique("uq_users_email", List.of("email"))));
        assertThat(diff.downgrade()).containsExactly(
                new Operation.DropConstraint("users", "uq_users_email", ConstraintKind.UNIQUE),
                new Operation.AddConstraint("users", new Unique("uq_users_name", List.of("name"))));
    }

    @Test
    void foreignKeysMatchBySignature() {
        ForeignKey modelKey = ForeignKey.from("user_id").references("users", "id");
        ForeignKey dbKey = modelKey.named("orders_user_id_fkey").onDelete(ReferentialAction.NO_ACTION)
                .onUpdate(ReferentialAction.RESTRICT);
        Schema model = schema(keyed("users"), keyed("orders", USER_ID).foreignKey(modelKey));
        assertThat(diff(model, schema(keyed("users"), keyed("orders", USER_ID).foreignKey(dbKey))).isEmpty()).isTrue();

        ForeignKey cascading = dbKey.onDelete(ReferentialAction.CASCADE);
        SchemaDiff diff = diff(model, schema(keyed("users"), keyed("orders", USER_ID).foreignKey(cascading)));
        assertThat(messages(diff)).containsExactly("Detected added foreign key (user_id)(id) on table orders",
                "Detected removed foreign key (user_id)(id) on table orders");
        assertThat(diff.checkText()).isEqualTo("New upgrade operations detected: [('add_fk', 'orders',"
                + " 'fk_orders_user_id_users', ['user_id'], 'users', ['id']), ('remove_fk', 'orders',"
                + " 'orders_user_id_fkey', ['user_id'], 'users', ['id'])]");
        assertThat(diff.upgrade()).containsExactly(
                new Operation.DropConstraint("orders", "orders_user_id_fkey", ConstraintKind.FOREIGN_KEY),
                new Operation.AddConstraint("orders", modelKey.named("fk_orders_user_id_users")));
        assertThat(diff.downgrade()).containsExactly(
                new Operation.DropConstraint("orders", "fk_orders_user_id_users", ConstraintKind.FOREIGN_KEY),
                new Operation.AddConstraint("orders", cascading));
    }

    @Test
    void theIndexesOfAnAddedTableAreAddedAndThoseOfADroppedTableDropped() {
        Index index = Index.on("users", "email").named("ix_users_email");
        SchemaDiff added = diff(schema(keyed("users", EMAIL).index(index)), Schema.EMPTY);
        assertThat(messages(added)).containsExactly("Detected added table 'users'",
                "Detected added index 'ix_users_email' on '['email']'");
        assertThat(added.upgrade()).hasSize(2).last().isEqualTo(new Operation.CreateIndex(index));
        assertThat(added.downgrade()).containsExactly(new Operation.DropIndex("users", "ix_users_email", false),
                new Operation.DropTable("users"));
        SchemaDiff dropped = SchemaComparator.compare(Schema.EMPTY, schema(keyed("users", EMAIL).index(index)),
                PG.withDropUnmappedTables(true));
        assertThat(messages(dropped)).containsExactly("Detected removed index 'ix_users_email' on 'users'",
                "Detected removed table 'users'");
        assertThat(dropped.upgrade()).containsExactly(new Operation.DropIndex("users", "ix_users_email", false),
                new Operation.DropTable("users"));
        assertThat(dropped.downgrade()).hasSize(2).last().isEqualTo(new Operation.CreateIndex(index));
    }
}
