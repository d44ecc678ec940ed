package io.samokoder.migrations.test;

import io.samokoder.migrations.java.JavaRevision;
import io.samokoder.migrations.java.Revision;
import io.samokoder.migrations.ops.Check;
import io.samokoder.migrations.ops.Column;
import io.samokoder.migrations.ops.ConstraintKind;
import io.samokoder.migrations.ops.ForeignKey;
import io.samokoder.migrations.ops.Index;
import io.samokoder.migrations.ops.Operations;
import io.samokoder.migrations.ops.PrimaryKey;
import io.samokoder.migrations.ops.Type;
import io.samokoder.migrations.ops.Unique;
import io.samokoder.migrations.schema.ModelSource;
import io.samokoder.migrations.schema.Schema;
import io.samokoder.migrations.schema.SchemaTable;
import java.util.ArrayList;
import java.util.List;

/** Java revisions written with the operations API alone, so that one graph runs on every database the kit reads. */
final class PortableRevisions {

    private PortableRevisions() {
    }

    @Revision(id = "a1a1a1a1a1a1", message = "Users")
    static class Users implements JavaRevision {
        @Override
        public void upgrade(Operations op) {
            op.createTable("users",
                    Column.of("id", Type.BIGINT).primaryKey().autoincrement(),
                    Column.of("email", Type.string(255)).notNull(),
                    Column.of("status", Type.string(20)).notNull().serverDefault("'active'"));
            op.createIndex(Index.on("users", "email").unique());
        }

        @Override
        public void downgrade(Operations op) {
            op.dropTable("users");
        }
    }

    @Revision(id = "b2b2b2b2b2b2", revises = "a1a1a1a1a1a1", message = "Orders")
    static class Orders implements JavaRevision {
        @Override
        public void upgrade(Operations op) {
            op.createTable("orders",
                    Column.of("id", Type.BIGINT).primaryKey().autoincrement(),
                    Column.of("user_id", Type.BIGINT).notNull(),
                    Column.of("total", Type.numeric(12, 2)).notNull(),
                    ForeignKey.from("user_id").references("users", "id"),
                    Check.of("total_positive", "total >= 0"));
            op.createIndex(Index.on("orders", "user_id"));
        }

        @Override
        public void downgrade(Operations op) {
            op.dropTable("orders");
        }
    }

    @Revision(id = "c3c3c3c3c3c3", revises = "b2b2b2b2b2b2", message = "Nicknames")
    static class Nicknames implements JavaRevision {
        @Override
        public void upgrade(Operations op) {
            op.addColumn("users", Column.of("nickname", Type.string(50)));
            op.createIndex(Index.on("users", "nickname").named("ix_users_nickname"));
        }

        @Override
        public void downgrade(Operations op) {
            op.dropIndex("ix_users_nickname", "users");
            op.dropColumn("users", "nickname");
        }
    }

    /** Column changes that MariaDB writes as one MODIFY with the column's whole definition, and back. */
    @Revision(id = "d4d4d4d4d4d4", revises = "c3c3c3c3c3c3", message = "Longer statuses, renamed nicknames")
    static class Statuses implements JavaRevision {
        @Override
        public void upgrade(Operations op) {
            op.alterColumn("users", "status", c -> c.type(Type.string(40)).existingType(Type.string(20))
                    .existingNullable(false).existingServerDefault("'active'"));
            op.alterColumn("users", "nickname", c -> c.rename("handle").existingType(Type.string(50)));
            op.createUniqueConstraint("orders", Unique.of("user_id", "total").named("uq_orders_user_total"));
        }

        @Override
        public void downgrade(Operations op) {
            op.dropConstraint("uq_orders_user_total", "orders", ConstraintKind.UNIQUE);
            op.alterColumn("users", "handle", c -> c.rename("nickname").existingType(Type.string(50)));
            op.alterColumn("users", "status", c -> c.type(Type.string(20)).existingType(Type.string(40))
                    .existingNullable(false).existingServerDefault("'active'"));
        }
    }

    /** {@link Nicknames} with a downgrade that forgets the column. */
    @Revision(id = "c3c3c3c3c3c3", revises = "b2b2b2b2b2b2", message = "Nicknames, leaky")
    static class LeakyNicknames implements JavaRevision {
        @Override
        public void upgrade(Operations op) {
            new Nicknames().upgrade(op);
        }

        @Override
        public void downgrade(Operations op) {
            op.dropIndex("ix_users_nickname", "users");
        }
    }

    static JavaRevision[] good() {
        return new JavaRevision[] {new Users(), new Orders(), new Nicknames(), new Statuses()};
    }

    static JavaRevision[] leaky() {
        return new JavaRevision[] {new Users(), new Orders(), new LeakyNicknames()};
    }

    /** The model of {@link Users}' table, with these columns more. */
    static ModelSource usersModel(Column... extra) {
        List<Column> columns = new ArrayList<>(List.of(
                Column.of("id", Type.BIGINT).notNull().autoincrement(),
                Column.of("email", Type.string(255)).notNull(),
                Column.of("status", Type.string(20)).notNull().serverDefault("'active'")));
        columns.addAll(List.of(extra));
        Index email = Index.on("users", "email").unique().named("ix_users_email");
        return dialect -> new Schema(List.of(new SchemaTable("users", columns,
                new PrimaryKey("pk_users", List.of("id")), List.of(), List.of(email), List.of(), null)), List.of());
    }
}
