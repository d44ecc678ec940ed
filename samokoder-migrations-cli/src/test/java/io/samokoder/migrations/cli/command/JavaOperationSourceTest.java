package io.samokoder.migrations.cli.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.samokoder.migrations.dialect.postgresql.PostgresDialect;
import io.samokoder.migrations.java.JavaRevision;
import io.samokoder.migrations.ops.Check;
import io.samokoder.migrations.ops.Column;
import io.samokoder.migrations.ops.ConstraintKind;
import io.samokoder.migrations.ops.ForeignKey;
import io.samokoder.migrations.ops.Index;
import io.samokoder.migrations.ops.IndexElement;
import io.samokoder.migrations.ops.NamingConvention;
import io.samokoder.migrations.ops.Operation;
import io.samokoder.migrations.ops.OperationRecorder;
import io.samokoder.migrations.ops.PrimaryKey;
import io.samokoder.migrations.ops.ReferentialAction;
import io.samokoder.migrations.ops.SqlValue;
import io.samokoder.migrations.ops.Type;
import io.samokoder.migrations.ops.TypeKind;
import io.samokoder.migrations.ops.Unique;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Java revision autogenerate writes: compiled with javac, its {@code upgrade} and {@code downgrade} record
 * exactly the operations it was written from, for every kind of operation and type. No database.
 */
class JavaOperationSourceTest {

    private static final String TRICKY = "it's \"quoted\" \\ back\\u000a slash\nnew line\ttab \u0001 é ✓ */";

    @TempDir
    Path temp;

    static List<Type> allTypes() {
        List<Type> types = new ArrayList<>(List.of(Type.UUID, Type.TEXT, Type.SMALLINT, Type.INTEGER, Type.BIGINT,
                Type.BOOLEAN, Type.FLOAT, Type.DOUBLE, Type.DATE, Type.TIME, Type.TIMESTAMP, Type.TIMESTAMPTZ, Type.JSON,
                Type.JSONB, Type.BYTES, Type.string(255), Type.string(), Type.numeric(10, 2),
                Type.enumOf("mood", "happy", "it's \"sad\""), Type.enumOf("shade", "dark").existing(),
                Type.sql("inet"), Type.sql("character varying(12)[]"),
                new Type(TypeKind.INTEGER, 7, 0, 0, "", List.of())));
        assertTrue(types.stream().map(Type::kind).distinct().count() == TypeKind.values().length,
                "every kind of type is in the list");
        return types;
    }

    static List<Operation> upgrade() {
        List<Column> columns = new ArrayList<>();
        List<Type> types = allTypes();
        for (int i = 0; i < types.size(); i++) {
            Column column = Column.of("c" + i, types.get(i));
            columns.add(i % 2 == 0 ? column.notNull() : column);
        }
        columns.add(Column.of("id", Type.BIGINT).notNull().autoincrement().comment(TRICKY));
        columns.add(Column.of("created", Type.TIMESTAMP).serverDefault("CURRENT_TIMESTAMP"));
        columns.add(Column.of("status", Type.string(20)).serverDefault("'new'"));
        OperationRecorder derived = new OperationRecorder(NamingConvention.NONE);
        derived.createTable("tags", Column.of("id", Type.INTEGER).primaryKey(), Column.of("name", Type.TEXT).unique(),
                Unique.of("id", "name").named("uq_tags_id_name"));
        return List.of(
                new Operation.CreateSequence("everything_seq", 1, 50),
                new Operation.CreateSequence("plain_seq", 1, 1),
                new Operation.CreateSequence("down_seq", -1, -1),
                new Operation.CreateEnumType(Type.enumOf("mood", "happy", "it's \"sad\"")),
                new Operation.CreateTable("everything", columns, List.of(
                        new PrimaryKey("everything_pkey", List.of("id")),
                        new Unique("uq_everything_c0", List.of("c0", "c1")),
                        Check.of("ck_positive", "c3 > 0"),
                        new Check(null, "c4 <> 0"),
                        ForeignKey.from("c2").references("other", "id").named("fk_everything_other")
                                .onDelete(ReferentialAction.CASCADE).onUpdate(ReferentialAction.SET_NULL)),
                        TRICKY),
                new Operation.CreateTable("plain", List.of(Column.of("id", Type.UUID).notNull()), List.of(), null),
                derived.operations().get(0),
                new Operation.CreateTable("odd", List.of(new Column("k", Type.INTEGER, true, true, false, false, null,
                        null)), List.of(PrimaryKey.of("k")), null),
                new Operation.AddColumn("plain", Column.of("note", Type.string(80)).serverDefault("'a''b'")
                        .comment("note")),
                new Operation.AlterColumn("plain", "note", Type.TEXT, "note::text", false, "'x'", false, "remark",
                        "changed", false, Type.string(80), true, "'a''b'", "note"),
                new Operation.AlterColumn("plain", "remark", null, null, null, null, true, null, null, true, null, null,
                        null, null),
                new Operation.AlterColumn("plain", "id", Type.BIGINT, null, null, null, false, null, null, false,
                        Type.INTEGER, false, null, null, true),
                new Operation.CreateTableComment("plain", "Plain \"rows\"", null),
                new Operation.CreateTableComment("plain", "changed", "Plain \"rows\""),
                new Operation.DropTableComment("plain", "changed"),
                new Operation.DropTableComment("odd", null),
                new Operation.CreateIndex(Index.on("plain", "id", "remark").named("ix_plain_id_remark").unique()),
                new Operation.CreateIndex(Index.onExpressions("plain", "lower(remark)").named("ix_lower")
                        .where("remark IS NOT NULL").concurrently()),
                new Operation.CreateIndex(new Index("ix_mixed", "plain", List.of(new IndexElement("id", false),
                        new IndexElement("upper(remark)", true)), false, null, false)),
                new Operation.AddConstraint("plain", ForeignKey.from("id").references("everything", "c0")
                        .named("fk_plain_everything").notValid()),
                new Operation.AddConstraint("plain", new Unique("uq_plain_remark", List.of("remark"))),
                new Operation.AddConstraint("plain", Check.of("ck_plain", "length(remark) < 10")),
                new Operation.AddConstraint("tags", new PrimaryKey("pk_tags", List.of("id"))),
                new Operation.ValidateConstraint("plain", "fk_plain_everything"),
                new Operation.RenameTable("plain", "simple"),
                new Operation.Execute("UPDATE simple SET remark = 'it''s'", List.of(), false),
                new Operation.Execute("UPDATE simple SET remark = :r WHERE id = :id", List.of(
                        new Operation.Parameter("id", SqlValue.of(UUID.fromString("7f1c0f8e-3b1a-4b7e-9d1a-0c2b3a4d5e6f"))),
                        new Operation.Parameter("r", SqlValue.of(TRICKY))), true),
                new Operation.Execute("SELECT :a, :b, :c, :d, :e, :f, :g, :h, :i, :j, :k, :l", List.of(
                        new Operation.Parameter("a", SqlValue.of(null)),
                        new Operation.Parameter("b", SqlValue.of(true)),
                        new Operation.Parameter("c", SqlValue.of(42)),
                        new Operation.Parameter("d", SqlValue.of(new BigDecimal("12.50"))),
                        new Operation.Parameter("e", SqlValue.of(2.5d)),
                        new Operation.Parameter("f", SqlValue.of(LocalDate.of(2026, 12, 4))),
                        new Operation.Parameter("g", SqlValue.of(LocalTime.of(10, 15, 30, 123_000_000))),
                        new Operation.Parameter("h", SqlValue.of(LocalDateTime.of(2026, 12, 4, 10, 15, 0, 1000))),
                        new Operation.Parameter("i", SqlValue.of(OffsetDateTime.of(2026, 12, 4, 10, 15, 0, 0,
                                ZoneOffset.ofHours(2)))),
                        new Operation.Parameter("j", SqlValue.of(Instant.parse("2026-12-04T10:15:00Z"))),
                        new Operation.Parameter("k", SqlValue.of(new byte[] {0, 1, (byte) 0xff})),
                        new Operation.Parameter("l", SqlValue.of(new java.math.BigInteger("123456789012345678901234")))),
                        true),
                new Operation.BulkInsert("simple", List.of(
                        new Operation.Row(List.of("id", "remark"), List.of(SqlValue.of(UUID.randomUUID()),
                                SqlValue.of("a"))),
                        new Operation.Row(List.of("remark"), List.of(SqlValue.of(null))))),
                new Operation.BatchAlterTable("simple", List.of(
                        new Operation.AddColumn("simple", Column.of("extra", Type.INTEGER).notNull().serverDefault("0")),
                        new Operation.DropColumn("simple", "remark"),
                        new Operation.AlterColumn("simple", "extra", null, null, true, null, false, null, null, false,
                                Type.INTEGER, false, null, null),
                        new Operation.AddConstraint("simple", ForeignKey.from("extra").references("tags", "id")
                                .named("fk_extra")),
                        new Operation.AddConstraint("simple", new Unique("uq_extra", List.of("extra"))),
                        new Operation.AddConstraint("simple", Check.of("ck_extra", "extra > 0")),
                        new Operation.AddConstraint("simple", new PrimaryKey("pk_simple", List.of("id"))),
                        new Operation.DropConstraint("simple", "uq_old", ConstraintKind.UNIQUE))));
    }

    static List<Operation> downgrade() {
        List<Operation> operations = new ArrayList<>();
        for (ConstraintKind kind : ConstraintKind.values()) {
            operations.add(new Operation.DropConstraint("simple", "c_" + kind.name().toLowerCase(), kind));
        }
        operations.addAll(List.of(
                new Operation.DropIndex("simple", "ix_lower", true),
                new Operation.DropIndex("simple", "ix_plain_id_remark", false),
                new Operation.DropColumn("simple", "note"),
                new Operation.RenameTable("simple", "plain"),
                new Operation.DropTable("odd"),
                new Operation.DropTable("tags"),
                new Operation.DropTable("plain"),
                new Operation.DropTable("everything"),
                new Operation.DropEnumType("mood"),
                new Operation.DropSequence("everything_seq")));
        return operations;
    }

    @Test
    void theGeneratedRevisionRecordsExactlyTheOperations() throws Exception {
        List<Operation> upgrade = upgrade();
        List<Operation> downgrade = downgrade();
        java.util.Set<Class<?>> kinds = new java.util.HashSet<>();
        upgrade.forEach(o -> kinds.add(o.getClass()));
        downgrade.forEach(o -> kinds.add(o.getClass()));
        assertEquals(java.util.Set.of(Operation.class.getPermittedSubclasses()), kinds, "every kind of operation");
        RevisionBody body = new RevisionBody(steps(upgrade), steps(downgrade), PostgresDialect.INSTANCE.operations());
        String source = JavaSkeleton.render("com.example.generated", "R1234_everything", Map.of("message",
                "Everything " + TRICKY, "up_revision", "1234", "down_revision", "", "create_date", "2026-12-04 10:00:00"),
                List.of(), List.of(), body);

        JavaRevision revision = compile(source, "com.example.generated.R1234_everything");
        OperationRecorder up = new OperationRecorder(NamingConvention.NONE);
        revision.upgrade(up);
        assertEquals(upgrade, up.operations(), source);
        OperationRecorder down = new OperationRecorder(NamingConvention.NONE);
        revision.downgrade(down);
        assertEquals(downgrade, down.operations(), source);
    }

    @Test
    void changesAreCommentedOnceAndStatementsReadAsAUserWouldWriteThem() {
        Column id = Column.of("id", Type.BIGINT).notNull();
        RevisionBody body = new RevisionBody(List.of(
                new RevisionBody.Step("Detected added table 'users'", new Operation.CreateTable("users",
                        List.of(id, Column.of("email", Type.string(255))), List.of(PrimaryKey.of("id").named("pk_users")),
                        null)),
                new RevisionBody.Step("Detected added index 'ix_users_email' on '('email',)'",
                        new Operation.CreateIndex(Index.on("users", "email").named("ix_users_email")))),
                List.of(), PostgresDialect.INSTANCE.operations());
        String source = JavaSkeleton.render("p", "R1", Map.of("message", "m", "up_revision", "1", "down_revision", "",
                "create_date", "d"), List.of(), List.of(), body);
        assertTrue(source.contains("""
                    @Override
                    public void upgrade(Operations op) {
                        // Detected added table 'users'
                        op.createTable("users",
                                Column.of("id", Type.BIGINT).notNull(),
                                Column.of("email", Type.string(255)),
                                PrimaryKey.of("id").named("pk_users"));

                        // Detected added index 'ix_users_email' on '('email',)'
                        op.createIndex(Index.on("users", "email").named("ix_users_email"));
                    }
                """), source);
        assertTrue(source.contains("""
                import io.samokoder.migrations.java.JavaRevision;
                import io.samokoder.migrations.java.Revision;
                import io.samokoder.migrations.ops.Column;
                import io.samokoder.migrations.ops.Index;
                import io.samokoder.migrations.ops.Operations;
                import io.samokoder.migrations.ops.PrimaryKey;
                import io.samokoder.migrations.ops.Type;
                """), source);
    }

    private static List<RevisionBody.Step> steps(List<Operation> operations) {
        List<RevisionBody.Step> steps = new ArrayList<>();
        for (int i = 0; i < operations.size(); i++) {
            steps.add(new RevisionBody.Step(i % 3 == 0 ? "Detected change " + (i / 3) + " " + TRICKY : null,
                    operations.get(i)));
        }
        return steps;
    }

    private JavaRevision compile(String source, String className) throws Exception {
        Path sources = Files.createDirectories(this.temp.resolve("src/" + className.substring(0,
                className.lastIndexOf('.')).replace('.', '/')));
        Path file = sources.resolve(className.substring(className.lastIndexOf('.') + 1) + ".java");
        Files.writeString(file, source, StandardCharsets.UTF_8);
        Path classes = Files.createDirectories(this.temp.resolve("classes"));
        String classpath = Path.of(JavaRevision.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .toString();
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        int status = compiler.run(null, null, errors, "-encoding", "UTF-8", "-Xlint:all", "-Werror", "-d",
                classes.toString(), "-cp", classpath, file.toString());
        assertEquals(0, status, () -> errors + "\n" + source);
        try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()},
                JavaRevision.class.getClassLoader())) {
            return (JavaRevision) loader.loadClass(className).getDeclaredConstructor().newInstance();
        }
    }
}
