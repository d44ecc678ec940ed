package io.samokoder.migrations.java;

import static org.assertj.core.api.Assertions.assertThat;

import io.samokoder.migrations.ops.Check;
import io.samokoder.migrations.ops.Column;
import io.samokoder.migrations.ops.ConstraintKind;
import io.samokoder.migrations.ops.ForeignKey;
import io.samokoder.migrations.ops.Index;
import io.samokoder.migrations.ops.NamingConvention;
import io.samokoder.migrations.ops.Operation;
import io.samokoder.migrations.ops.OperationRecorder;
import io.samokoder.migrations.ops.Operations;
import io.samokoder.migrations.ops.PrimaryKey;
import io.samokoder.migrations.ops.ReferentialAction;
import io.samokoder.migrations.ops.TableComment;
import io.samokoder.migrations.ops.Type;
import io.samokoder.migrations.ops.Unique;
import io.samokoder.migrations.script.ChecksumChange;
import io.samokoder.migrations.script.RevisionScript;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Java revisions' checksums are stored in users' log tables: these pin the exact checksum of
 * representative revisions, so that a change to recording, naming or checksumming that alters one
 * fails here.
 */
class JavaRevisionChecksumTest {

    /** A convention with every token, beside {@link NamingConvention#DEFAULT}. */
    static final NamingConvention EVERY_TOKEN = NamingConvention.of(Map.of(
            "ix", "ix_%(column_0_N_label)s_%(column_0N_name)s",
            "uq", "uq_%(table_name)s_%(column_0_label)s_%(column_0_name)s",
            "ck", "ck_%(table_name)s_%(constraint_name)s",
            "fk", "fk_%(table_name)s_%(column_0_N_name)s_%(referred_table_name)s_%(referred_column_0_name)s_"
                    + "%(referred_column_0_N_name)s",
            "pk", "pk_%(table_name)s_%(column_0_N_name)s"));

    @Revision(id = "c0ffee0000e1", message = "A table whose enum type exists already")
    static class ExistingEnum implements JavaRevision {
        @Override
        public void upgrade(Operations op) {
            op.createTable("moods", Column.of("feeling", Type.enumOf("mood", "happy", "sad").existing()));
        }
    }

    @Revision(id = "c0ffee000001", message = "Every column kind, constraint and index")
    static class CreateEverything implements JavaRevision {
        @Override
        public void upgrade(Operations op) {
            op.createEnumType(Type.enumOf("mood", "happy", "sad"));
            op.createTable("accounts",
                    Column.of("id", Type.BIGINT).primaryKey().autoincrement(),
                    Column.of("code", Type.string(32)).notNull().unique(),
                    Column.of("note", Type.TEXT).comment("free text, l'été"),
                    Column.of("small", Type.SMALLINT),
                    Column.of("whole", Type.INTEGER).serverDefault("0"),
                    Column.of("active", Type.BOOLEAN).notNull().serverDefault("TRUE"),
                    Column.of("ratio", Type.FLOAT),
                    Column.of("precise", Type.DOUBLE),
                    Column.of("amount", Type.numeric(12, 2)),
                    Column.of("born", Type.DATE),
                    Column.of("wakes", Type.TIME),
                    Column.of("seen", Type.TIMESTAMP),
                    Column.of("created_at", Type.TIMESTAMPTZ).notNull().serverDefault("CURRENT_TIMESTAMP"),
                    Column.of("doc", Type.JSON),
                    Column.of("docb", Type.JSONB),
                    Column.of("blob", Type.BYTES),
                    Column.of("ext", Type.UUID),
                    Column.of("label", Type.string()),
                    Column.of("feeling", Type.enumOf("mood", "happy", "sad")),
                    Column.of("addr", Type.sql("inet")),
                    Column.of("parent_id", Type.BIGINT),
                    Check.of("positive", "whole >= 0"),
                    Unique.of("ext", "label"),
                    ForeignKey.from("parent_id").references("accounts", "id").onDelete(ReferentialAction.CASCADE),
                    TableComment.of("accounts and their kinds"));
            op.createTable("pairs",
                    Column.of("a", Type.INTEGER),
                    Column.of("b", Type.INTEGER),
                    PrimaryKey.of("a", "b"));
            op.createIndex(Index.on("accounts", "code", "label").unique());
            op.createIndex(Index.onExpressions("accounts", "lower(label)").named("ix_accounts_lower_label")
                    .where("active").concurrently());
            op.createIndex(null, "accounts", "born");
            op.createIndex("ix_named", "accounts", "seen", "born");
            op.createForeignKey("pairs", ForeignKey.from("a", "b").references("pairs", "b", "a")
                    .onUpdate(ReferentialAction.RESTRICT).notValid());
            op.createUniqueConstraint("pairs", Unique.of("b"));
            op.createCheckConstraint("pairs", Check.of("ordered", "a < b"));
            op.createSequence("counter");
            op.createSequence("down_counter", 100, -2);
            op.createTableComment("pairs", "pairs", "old");
        }

        @Override
        public void downgrade(Operations op) {
            op.dropSequence("down_counter");
            op.dropSequence("counter");
            op.dropIndex("ix_named", "accounts");
            op.dropTable("pairs");
            op.dropTable("accounts");
            op.dropEnumType("mood");
        }
    }

    @Revision(id = "c0ffee000002", revises = "c0ffee000001")
    static class AlterThings implements JavaRevision {
        @Override
        public void upgrade(Operations op) {
            op.addColumn("accounts", Column.of("extra", Type.string(10)).notNull().serverDefault("'x'"));
            op.dropColumn("accounts", "precise");
            op.alterColumn("accounts", "note", c -> c.type(Type.string(500)).using("note::varchar(500)")
                    .nullable(false).serverDefault("''").rename("notes").comment("notes")
                    .existingType(Type.TEXT).existingNullable(true).existingServerDefault("NULL")
                    .existingComment("free text"));
            op.alterColumn("accounts", "whole", c -> c.dropServerDefault().dropComment());
            op.alterColumn("accounts", "id", c -> c.type(Type.BIGINT).existingNullable(false)
                    .existingAutoincrement(true));
            op.renameTable("pairs", "couples");
            op.batchAlterTable("couples", b -> b
                    .addColumn(Column.of("c", Type.INTEGER))
                    .dropColumn("b")
                    .alterColumn("a", c -> c.nullable(true))
                    .createForeignKey(ForeignKey.from("c").references("accounts", "id"))
                    .createUniqueConstraint(Unique.of("a", "c"))
                    .createCheckConstraint(Check.of("c_positive", "c > 0").named("c_positive"))
                    .createPrimaryKey(PrimaryKey.of("a").named("pk_couples_a"))
                    .dropConstraint("uq_pairs_b", ConstraintKind.UNIQUE));
            op.dropIndexConcurrently("ix_accounts_lower_label", "accounts");
            op.validateConstraint("fk_pairs_a_pairs", "couples");
            op.dropConstraint("ck_pairs_ordered", "couples", ConstraintKind.CHECK);
            op.dropTableComment("couples", "pairs");
        }

        @Override
        public void downgrade(Operations op) {
            op.renameTable("couples", "pairs");
            op.dropColumn("accounts", "extra");
        }
    }

    @Revision(id = "c0ffee000002", revises = "c0ffee000001")
    static class AlterThingsWithAnotherDowngrade extends AlterThings {
        @Override
        public void downgrade(Operations op) {
            super.downgrade(op);
            op.execute("SELECT 'one more'");
        }
    }

    @Revision(id = "c0ffee000002", revises = "c0ffee000001")
    static class AlterThingsWithAnotherUpgrade extends AlterThings {
        @Override
        public void upgrade(Operations op) {
            super.upgrade(op);
            op.execute("SELECT 'one more'");
        }
    }

    @Revision(id = "c0ffee000003", revises = "c0ffee000002")
    static class ExecuteWithParameters implements JavaRevision {
        @Override
        public void upgrade(Operations op) {
            op.execute("UPDATE accounts SET active = FALSE WHERE code = 'none'");
            Map<String, Object> values = new TreeMap<>();
            values.put("code", "it's été ☃");
            values.put("whole", 42);
            values.put("amount", new BigDecimal("12.50"));
            values.put("ratio", 0.25);
            values.put("active", true);
            values.put("ext", UUID.fromString("8d3c0f0e-1b2a-4c5d-9e8f-0a1b2c3d4e5f"));
            values.put("born", LocalDate.of(2026, 12, 4));
            values.put("wakes", LocalTime.of(7, 30));
            values.put("seen", LocalDateTime.of(2026, 12, 4, 16, 0, 1));
            values.put("created_at", OffsetDateTime.of(2026, 12, 4, 16, 0, 0, 0, ZoneOffset.ofHours(2)));
            values.put("blob", new byte[] {0, 1, (byte) 0xfe});
            values.put("note", null);
            op.execute("INSERT INTO accounts (code, whole, amount, ratio, active, ext, born, wakes, seen, created_at,"
                    + " blob, note) VALUES (:code, :whole, :amount, :ratio, :active, :ext, :born, :wakes, :seen,"
                    + " :created_at, :blob, :note) -- :ignored", values);
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("code", "b");
            row.put("whole", 2L);
            op.bulkInsert("accounts", List.of(Map.of("code", "a", "whole", 1), row));
        }

        @Override
        public void downgrade(Operations op) {
            op.execute("DELETE FROM accounts WHERE code IN (:a, :b)", Map.of("a", "a", "b", "b"));
        }
    }

    @Revision(id = "c0ffee000004", revises = "c0ffee000003")
    static class OneWay implements JavaRevision {
        @Override
        public void upgrade(Operations op) {
            op.dropTable("couples");
        }
    }

    @Revision(id = "c0ffee000005", revises = "c0ffee000004", version = " 7 ")
    static class Versioned implements JavaRevision {
        @Override
        public void upgrade(Operations op) {
            if (op.hasTable("accounts")) {
                op.dropTable("accounts");
            }
        }

        @Override
        public void downgrade(Operations op) {
        }
    }

    @Revision(id = "c0ffee000006", revises = "c0ffee000005", version = "2026-12-04")
    static class VersionedButRecordable implements JavaRevision {
        @Override
        public void upgrade(Operations op) {
            op.execute("SELECT 1");
        }
    }

    /** The two-part checksums as of their first commit (2026-12-05); they must never change. */
    @Test
    void theChecksumsOfRepresentativeRevisionsStayTheSame() {
        assertThat(checksum(new CreateEverything(), NamingConvention.DEFAULT))
                .isEqualTo("j2:05a2f6141eca20c27dd55294bdfe80e3:25e91b410b1f3ca996180974de7a4b34");
        assertThat(checksum(new CreateEverything(), EVERY_TOKEN))
                .isEqualTo("j2:7d5ad63855672f4cddd95d32f4b38fb1:25e91b410b1f3ca996180974de7a4b34");
        assertThat(checksum(new AlterThings(), NamingConvention.DEFAULT))
                .isEqualTo("j2:fd46f096290a1190c14220739eb18690:ae9e4e7deae1e8c49b131896e4f6a701");
        assertThat(checksum(new AlterThings(), EVERY_TOKEN))
                .isEqualTo("j2:0e90e13c14892d651b82745400897852:ae9e4e7deae1e8c49b131896e4f6a701");
        assertThat(checksum(new ExecuteWithParameters(), NamingConvention.DEFAULT))
                .isEqualTo("j2:6de82e23fac76f80694bac5968c28db1:32d7cb4202b6977d3b8b7d00e99f527f");
        assertThat(checksum(new OneWay(), NamingConvention.DEFAULT))
                .isEqualTo("j2:c400b12e5b728fde1e0d2d99e519790c:none");
        assertThat(checksum(new Versioned(), NamingConvention.DEFAULT)).isEqualTo("jv:7");
        assertThat(checksum(new VersionedButRecordable(), NamingConvention.DEFAULT)).isEqualTo("jv:2026-12-04");
    }

    /**
     * The {@code j1:} checksums that the log holds for revisions applied before checksums had parts (as
     * of that form's first commit) still match the same revisions, and tell no part apart.
     */
    @Test
    void checksumsOfTheFirstFormStillMatch() {
        Map<String, JavaRevision> recorded = new LinkedHashMap<>();
        recorded.put("j1:abfc1eb10e75935a74bf4670e061170f8e0e97492c91d87825fb99696cf65028", new CreateEverything());
        recorded.put("j1:f1a278efbbbf4f17d1b7eff2e656c864bffa23c6b2b39f262ff65618ecfd21e6", new AlterThings());
        recorded.put("j1:7c4b640135647e6ac10505f3bdf3476b8b65ea86cde4a1eac895deed59bc6313",
                new ExecuteWithParameters());
        recorded.put("j1:c400b12e5b728fde1e0d2d99e519790c4f9d93c752e077c2b65514105ee0069c", new OneWay());
        recorded.forEach((checksum, revision) -> {
            RevisionScript script = JavaRevisions.load(revision, NamingConvention.DEFAULT);
            assertThat(script.compareChecksum(checksum)).as(checksum).isEqualTo(ChecksumChange.NONE);
        });
        RevisionScript everyToken = JavaRevisions.load(new CreateEverything(), EVERY_TOKEN);
        assertThat(everyToken.compareChecksum("j1:79ad9219b41e86a7f2019e75e3ca686303605ed47f243b68cd56165d10219f3e"))
                .isEqualTo(ChecksumChange.NONE);
        assertThat(everyToken.compareChecksum("j1:abfc1eb10e75935a74bf4670e061170f8e0e97492c91d87825fb99696cf65028"))
                .isEqualTo(ChecksumChange.CHANGED);
    }

    @Test
    void aCheckKeepsItsTextAndNotValidEntersIt() {
        // The text (and so the checksum) of a check recorded before notValid() existed is what it was.
        assertThat(Check.of("ck_a", "a > 0").toString()).isEqualTo("Check[name=ck_a, condition=a > 0]");
        assertThat(Check.of("ck_a", "a > 0").notValid().toString())
                .isEqualTo("Check[name=ck_a, condition=a > 0, isNotValid=true]");
        StringBuilder text = new StringBuilder();
        OperationText.append(text, new Operation.AddConstraint("t", Check.of("ck_a", "a > 0").notValid()));
        assertThat(text.toString()).isEqualTo(new Operation.AddConstraint("t", Check.of("ck_a", "a > 0").notValid())
                .toString());
    }

    @Test
    void aChangeToTheDowngradeAloneIsToldApart() {
        RevisionScript applied = JavaRevisions.load(new AlterThings(), NamingConvention.DEFAULT);
        RevisionScript sameUpgrade = JavaRevisions.load(new AlterThingsWithAnotherDowngrade(),
                NamingConvention.DEFAULT);
        RevisionScript otherUpgrade = JavaRevisions.load(new AlterThingsWithAnotherUpgrade(),
                NamingConvention.DEFAULT);
        assertThat(applied.compareChecksum(applied.checksum())).isEqualTo(ChecksumChange.NONE);
        assertThat(sameUpgrade.compareChecksum(applied.checksum())).isEqualTo(ChecksumChange.DOWNGRADE_ONLY);
        assertThat(otherUpgrade.compareChecksum(applied.checksum())).isEqualTo(ChecksumChange.CHANGED);
        assertThat(JavaRevisions.load(new Versioned(), NamingConvention.DEFAULT).compareChecksum("jv:6"))
                .isEqualTo(ChecksumChange.CHANGED);
    }

    /**
     * The checksum as defined: {@code j2:}, then for each direction the first 32 hex digits of the
     * SHA-256 of its letter and operation count, then each operation's {@code toString()} with its
     * length, joined by {@code :} ({@code none} for the downgrade of an irreversible revision).
     */
    @Test
    void theChecksumIsTheDigestOfTheOperationsCanonicalText() {
        List<JavaRevision> revisions = List.of(new CreateEverything(), new AlterThings(), new ExecuteWithParameters(),
                new OneWay());
        for (NamingConvention naming : List.of(NamingConvention.DEFAULT, EVERY_TOKEN)) {
            for (JavaRevision revision : revisions) {
                assertThat(checksum(revision, naming)).as(revision.getClass().getSimpleName())
                        .isEqualTo(definedChecksum(revision, naming));
            }
        }
    }

    /**
     * The checksum writes each operation's text without calling its {@code toString()}: the text must
     * stay the same, for every kind of operation.
     */
    @Test
    void theCanonicalTextIsEachOperationsToString() {
        Set<Class<?>> seen = new HashSet<>();
        for (NamingConvention naming : List.of(NamingConvention.DEFAULT, EVERY_TOKEN)) {
            for (JavaRevision revision : List.of(new CreateEverything(), new AlterThings(),
                    new ExecuteWithParameters(), new OneWay(), new ExistingEnum())) {
                for (boolean upgrade : new boolean[] {true, false}) {
                    List<Operation> operations = record(revision, upgrade, naming);
                    for (Operation operation : operations == null ? List.<Operation>of() : operations) {
                        StringBuilder text = new StringBuilder("x");
                        OperationText.append(text, operation);
                        assertThat(text.substring(1)).isEqualTo(operation.toString());
                        seen.add(operation.getClass());
                        if (operation instanceof Operation.BatchAlterTable batch) {
                            batch.operations().forEach(each -> seen.add(each.getClass()));
                        }
                    }
                }
            }
        }
        assertThat(seen).containsAll(List.of(Operation.class.getPermittedSubclasses()));
        Type sql = Type.sql("inet");
        StringBuilder text = new StringBuilder();
        OperationText.append(text, List.of(sql, Type.string(3), "s", 1, ReferentialAction.CASCADE));
        assertThat(text).hasToString(List.of(sql, Type.string(3), "s", 1, ReferentialAction.CASCADE).toString());
    }

    private static String checksum(JavaRevision revision, NamingConvention naming) {
        return JavaRevisions.load(revision, naming).checksum();
    }

    private static String definedChecksum(JavaRevision revision, NamingConvention naming) {
        StringBuilder up = new StringBuilder();
        append(up, 'U', record(revision, true, naming));
        List<Operation> down = record(revision, false, naming);
        String downDigest = "none";
        if (down != null) {
            StringBuilder text = new StringBuilder();
            append(text, 'D', down);
            downDigest = sha256(text).substring(0, 32);
        }
        return "j2:" + sha256(up).substring(0, 32) + ":" + downDigest;
    }

    private static String sha256(CharSequence text) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.toString().getBytes(StandardCharsets.UTF_8));
            StringBuilder hex = new StringBuilder();
            for (byte b : hash) {
                hex.append(Character.forDigit((b >> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
            }
            return hex.toString();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static List<Operation> record(JavaRevision revision, boolean upgrade, NamingConvention naming) {
        OperationRecorder recorder = new OperationRecorder(naming);
        try {
            if (upgrade) {
                revision.upgrade(recorder);
            } else {
                revision.downgrade(recorder);
            }
        } catch (Irreversible e) {
            return null;
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        return recorder.operations();
    }

    private static void append(StringBuilder content, char part, List<Operation> operations) {
        content.append(part).append(operations.size()).append('\n');
        for (Operation operation : operations) {
            String text = operation.toString();
            content.append(text.length()).append(':').append(text).append('\n');
        }
    }
}
