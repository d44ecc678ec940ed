package io.samokoder.migrations.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.samokoder.migrations.MigrationException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OperationRecorderTest {

    @Test
    void recordsCallsInOrderWithNamesResolved() {
        List<Operation> ops = Recorded.ops(op -> {
            op.createTable("users", Column.of("id", Type.BIGINT).primaryKey(), Column.of("email", Type.TEXT).unique(),
                    Check.of("positive", "id > 0"));
            op.createIndex(Index.on("users", "email", "id"));
            op.createForeignKey("orders", ForeignKey.from("user_id").references("users", "id"));
            op.dropTable("users");
        });
        assertThat(ops).hasSize(4);
        Operation.CreateTable create = (Operation.CreateTable) ops.get(0);
        assertThat(create.constraints()).extracting(Constraint::name)
                .containsExactly("pk_users", "uq_users_email", "ck_users_positive");
        assertThat(((Operation.CreateIndex) ops.get(1)).index().name()).isEqualTo("ix_users_email_id");
        assertThat(((Operation.AddConstraint) ops.get(2)).constraint().name()).isEqualTo("fk_orders_user_id_users");
        assertThat(ops.get(3)).isEqualTo(new Operation.DropTable("users"));
    }

    @Test
    void toStringIsDeterministicAndComplete() {
        java.util.function.Consumer<Operations> body = op -> {
            op.addColumn("t", Column.of("c", Type.numeric(5, 2)).notNull().serverDefault("0").comment("x"));
            op.bulkInsert("t", List.of(Map.of("b", new byte[] {1}, "a", 1)));
            op.execute("SELECT :x", Map.of("x", java.time.LocalDate.of(2024, 1, 1)));
        };
        String first = Recorded.ops(body).toString();
        assertThat(Recorded.ops(body).toString()).isEqualTo(first);
        assertThat(first).isEqualTo("[AddColumn[table=t, column=Column[name=c, type=Type[kind=NUMERIC, length=0,"
                + " precision=5, scale=2, enumName=, values=[]], nullable=false, inPrimaryKey=false, isUnique=false,"
                + " isAutoincrement=false, serverDefault=0, comment=x]], BulkInsert[table=t, rows=[Row[columns=[a, b],"
                + " values=[SqlValue[kind=NUMBER, text=1], SqlValue[kind=BYTES, text=01]]]]], Execute[sql=SELECT :x,"
                + " parameters=[Parameter[name=x, value=SqlValue[kind=DATE, text=2024-01-01]]], binds=true]]");
    }

    @Test
    void alterColumnReadsAsBeforeTheAutoincrementFlagUnlessItIsSet() {
        java.util.function.Consumer<Operations> body = op -> op.alterColumn("users", "email", c -> c
                .type(Type.string(320)).nullable(true).existingType(Type.string(255)).existingNullable(false)
                .existingServerDefault("''").existingComment("mail"));
        String text = "[AlterColumn[table=users, column=email, type=Type[kind=STRING, length=320, precision=0,"
                + " scale=0, enumName=, values=[]], using=null, nullable=true, serverDefault=null,"
                + " dropServerDefault=false, newName=null, comment=null, dropComment=false, existingType=Type[kind=STRING,"
                + " length=255, precision=0, scale=0, enumName=, values=[]], existingNullable=false,"
                + " existingServerDefault='', existingComment=mail]]";
        assertThat(Recorded.ops(body).toString()).isEqualTo(text);
        assertThat(Recorded.ops(body.andThen(op -> op.alterColumn("users", "id", c -> c.type(Type.BIGINT)
                .existingType(Type.INTEGER).existingNullable(false).existingAutoincrement(true)))).get(1).toString())
                .endsWith(", existingComment=null, existingAutoincrement=true]");
    }

    @Test
    void tableCommentsAreRecorded() {
        assertThat(Recorded.ops(op -> {
            op.createTableComment("users", "people");
            op.dropTableComment("users");
            op.createTableComment("users", "people", "persons");
            op.dropTableComment("users", "people");
        })).containsExactly(new Operation.CreateTableComment("users", "people", null),
                new Operation.DropTableComment("users", null), new Operation.CreateTableComment("users", "people", "persons"),
                new Operation.DropTableComment("users", "people"));
        OperationRecorder op = new OperationRecorder(NamingConvention.DEFAULT);
        assertThatThrownBy(() -> op.createTableComment("users", null))
                .hasMessage("createTableComment(users) needs the comment; use dropTableComment(\"users\") to remove one");
        assertThatThrownBy(() -> op.createTableComment(" ", "x")).hasMessage("createTableComment: the table needs a name");
        assertThatThrownBy(() -> op.dropTableComment(null)).hasMessage("dropTableComment: the table needs a name");

    }

    @Test
    void inspectionNeedsTheDatabase() {
        OperationRecorder recorder = new OperationRecorder(NamingConvention.DEFAULT);
        assertThatThrownBy(() -> recorder.hasTable("users")).isInstanceOf(NeedsDatabaseException.class)
                .isInstanceOf(MigrationException.class)
                .hasMessage("The revision reads the database (hasTable(users)), so its operations cannot be recorded"
                        + " without one: it must declare a version (@Revision(version = ...)) for its checksum, and it"
                        + " cannot be rendered offline");
        assertThatThrownBy(() -> recorder.hasColumn("users", "id")).hasMessageContaining("hasColumn(users, id)");
        assertThatThrownBy(() -> recorder.hasIndex("users", "ix")).isInstanceOf(NeedsDatabaseException.class);
        assertThatThrownBy(() -> recorder.hasConstraint("users", "pk")).isInstanceOf(NeedsDatabaseException.class);
        assertThatThrownBy(recorder::connection).hasMessageContaining("connection()");
    }

    @Test
    void badArgumentsFailWhenCalledNamingTableAndColumn() {
        OperationRecorder op = new OperationRecorder(NamingConvention.DEFAULT);
        assertThatThrownBy(() -> op.createTable("users")).hasMessage("Table users needs at least one column");
        assertThatThrownBy(() -> op.createTable("users", Column.of("id", Type.UUID), Unique.of("email")))
                .hasMessage("Table users: a unique constraint names column email, which the table does not have"
                        + " (columns: [id])");
        assertThatThrownBy(() -> op.createTable("users", Column.of("id", Type.UUID), Column.of("id", Type.TEXT)))
                .hasMessageContaining("two columns named id");
        assertThatThrownBy(() -> op.createTable("users", Column.of("id", Type.UUID).primaryKey(), PrimaryKey.of("id")))
                .hasMessageContaining("one or the other");
        assertThatThrownBy(() -> op.createTable("t", Column.of("id", Type.TEXT).autoincrement()))
                .hasMessageContaining("t.id is autoincrement");
        assertThatThrownBy(() -> Type.numeric(4, 5)).hasMessageContaining("numeric(4, 5) is invalid");
        assertThatThrownBy(() -> Type.string(0)).hasMessageContaining("at least 1");
        assertThatThrownBy(() -> Type.enumOf("e")).hasMessageContaining("at least one value");
        assertThatThrownBy(() -> Index.on("users")).hasMessageContaining("needs at least one column");
        assertThatThrownBy(() -> ForeignKey.from("a", "b").references("t", "id")).hasMessageContaining("as many");
        assertThatThrownBy(() -> op.alterColumn("users", "email", c -> { }))
                .hasMessageContaining("alterColumn(users.email) changes nothing");
        assertThatThrownBy(() -> op.addColumn("users", Column.of("x", Type.TEXT).unique()))
                .hasMessageContaining("addColumn(users.x)");
        assertThatThrownBy(() -> op.createIndex(Index.onExpressions("users", "lower(email)")))
                .hasMessageContaining("needs a name");
        assertThatThrownBy(() -> op.execute("SELECT :a, :b", Map.of("a", 1)))
                .hasMessageContaining("no value for the binds [b]");
        assertThatThrownBy(() -> op.bulkInsert("users", List.of(Map.of("x", new Object()))))
                .hasMessageContaining("bulkInsert(users.x)").hasMessageContaining("java.lang.Object");
        assertThatThrownBy(() -> op.batchAlterTable("users", b -> { })).hasMessageContaining("changes nothing");
        assertThatThrownBy(() -> op.dropConstraint("x", "users", null)).hasMessageContaining("kind");
        assertThat(op.operations()).isEmpty();
    }
}
