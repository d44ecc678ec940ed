package io.samokoder.migrations.java;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.samokoder.migrations.ops.NamingConvention;
import io.samokoder.migrations.ops.NeedsDatabaseException;
import io.samokoder.migrations.ops.Operations;
import io.samokoder.migrations.script.Phase;
import io.samokoder.migrations.script.RevisionScript;
import io.samokoder.migrations.script.ScriptLoader;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Java revisions without a database: the annotation, recording, checksums and load order. */
class JavaRevisionsTest {

    @Revision(id = "a1", message = "Create things", createDate = "2026-12-04 12:00:00")
    static class M001_CreateThings implements JavaRevision {
        @Override
        public void upgrade(Operations op) {
            op.execute("CREATE TABLE things (id int)");
        }

        @Override
        public void downgrade(Operations op) {
            op.execute("DROP TABLE things");
        }
    }

    @Revision(id = "a1", message = "Create things")
    static class M001_CreateThingsEdited implements JavaRevision {
        @Override
        public void upgrade(Operations op) {
            op.execute("CREATE TABLE things (id bigint)");
        }

        @Override
        public void downgrade(Operations op) {
            op.execute("DROP TABLE things");
        }
    }

    @Revision(id = "b2", revises = "a1", branchLabels = "things", dependsOn = "z9", transactional = false)
    static class M002_OneWay implements JavaRevision {
        @Override
        public void upgrade(Operations op) {
            op.execute("ALTER TABLE things ADD COLUMN n int");
        }
    }

    @Revision(id = "c3", revises = "b2")
    static class M003_ReadsTheDatabase implements JavaRevision {
        @Override
        public void upgrade(Operations op) {
            if (!op.hasTable("other")) {
                op.execute("CREATE TABLE other (id int)");
            }
        }
    }

    @Revision(id = "c3", revises = "b2", version = "2")
    static class M003_ReadsTheDatabaseVersioned extends M003_ReadsTheDatabase {
    }

    static class NoAnnotation implements JavaRevision {
        @Override
        public void upgrade(Operations op) {
        }
    }

    @Revision(id = "bad-id")
    static class BadId implements JavaRevision {
        @Override
        public void upgrade(Operations op) {
        }
    }

    @Revision(id = "d4", revises = "")
    static class EmptyParent implements JavaRevision {
        @Override
        public void upgrade(Operations op) {
        }
    }

    @Revision(id = "f6", lockTimeout = "2s", statementTimeout = "0")
    static class OwnTimeouts implements JavaRevision {
        @Override
        public void upgrade(Operations op) {
        }
    }

    @Revision(id = "f7", deferred = true)
    static class Deferred implements JavaRevision {
        @Override
        public void upgrade(Operations op) {
        }
    }

    @Revision(id = "f8", phase = Phase.CONTRACT)
    static class Contract implements JavaRevision {
        @Override
        public void upgrade(Operations op) {
        }
    }

    @Revision(id = "f6", statementTimeout = "2 seconds")
    static class BadTimeout implements JavaRevision {
        @Override
        public void upgrade(Operations op) {
        }
    }

    @Revision(id = "e5")
    static class Throws implements JavaRevision {
        @Override
        public void upgrade(Operations op) {
            throw new IllegalArgumentException("no such setting 'x'");
        }
    }

    private static RevisionScript load(JavaRevision revision) {
        return JavaRevisions.load(revision, NamingConvention.DEFAULT);
    }

    @Test
    void theAnnotationDeclaresTheRevision() {
        RevisionScript script = load(new M002_OneWay());

        assertThat(script.id()).isEqualTo("b2");
        assertThat(script.downRevisions()).containsExactly("a1");
        assertThat(script.branchLabels()).containsExactly("things");
        assertThat(script.dependsOn()).containsExactly("z9");
        assertThat(script.transactional()).isFalse();
        assertThat(script.description()).isEqualTo("java:" + M002_OneWay.class.getName());
        assertThat(script.revision().source()).isEqualTo(script.description());
        assertThat(script.code()).isPresent();
        RevisionScript first = load(new M001_CreateThings());
        assertThat(first.message()).isEqualTo("Create things");
        assertThat(first.docstring()).isEqualTo("Create things");
        assertThat(first.createDate()).contains("2026-12-04 12:00:00");
        assertThat(first.transactional()).isTrue();
        assertThat(first.lockTimeout()).isEmpty();
        assertThat(first.statementTimeout()).isEmpty();
    }

    @Test
    void aRevisionDeclaresItsOwnTimeoutsAsAScriptHeaderDoes() {
        RevisionScript script = load(new OwnTimeouts());

        assertThat(script.lockTimeout()).contains(Duration.ofSeconds(2));
        assertThat(script.statementTimeout()).contains(Duration.ZERO);
    }

    @Test
    void aRevisionIsDeferredAsAScriptWithDeferredTrueIs() {
        assertThat(load(new Deferred()).deferred()).isTrue();
        assertThat(load(new OwnTimeouts()).deferred()).isFalse();
    }

    @Test
    void aRevisionIsContractAsAScriptWithPhaseContractIs() {
        assertThat(load(new Contract()).phase()).isEqualTo(Phase.CONTRACT);
        assertThat(load(new Deferred()).phase()).isEqualTo(Phase.EXPAND);
    }

    @Test
    void aRevisionWithoutADowngradeIsIrreversible() {
        assertThat(load(new M001_CreateThings()).reversible()).isTrue();
        assertThat(load(new M002_OneWay()).reversible()).isFalse();
    }

    @Test
    void theChecksumCoversTheRecordedOperations() {
        RevisionScript script = load(new M001_CreateThings());

        assertThat(script.checksum()).matches("j2:[0-9a-f]{32}:[0-9a-f]{32}");
        assertThat(load(new M001_CreateThings()).checksum()).isEqualTo(script.checksum());
        assertThat(load(new M001_CreateThingsEdited()).checksum()).isNotEqualTo(script.checksum());
        assertThat(script.code().orElseThrow().readsDatabase()).isFalse();
    }

    @Test
    void aRevisionThatReadsTheDatabaseMustDeclareAVersion() {
        assertThatThrownBy(() -> load(new M003_ReadsTheDatabase()))
                .isInstanceOf(JavaRevisionException.class)
                .hasMessageContaining(M003_ReadsTheDatabase.class.getName())
                .hasMessageContaining("reads the database")
                .hasMessageContaining("version = \"1\"");

        RevisionScript versioned = load(new M003_ReadsTheDatabaseVersioned());
        assertThat(versioned.checksum()).isEqualTo("jv:2");
        assertThat(versioned.code().orElseThrow().readsDatabase()).isTrue();
        assertThatThrownBy(() -> versioned.upgradeStatements(io.samokoder.migrations.dialect.postgresql
                .PostgresDialect.INSTANCE))
                .isInstanceOf(NeedsDatabaseException.class)
                .hasMessageContaining("cannot be written to an offline (--sql) script");
    }

    /** As Spring's CGLIB makes a subclass of a bean with {@code @Transactional}: named with "$$", not annotated. */
    static class M001_CreateThings$$SpringCGLIB$$0 extends M001_CreateThings {
    }

    @Test
    void aProxyOfARevisionIsTheRevisionItProxies() {
        RevisionScript proxied = load(new M001_CreateThings$$SpringCGLIB$$0());
        assertThat(proxied.id()).isEqualTo("a1");
        assertThat(proxied.description()).isEqualTo("java:" + M001_CreateThings.class.getName());
        assertThat(proxied.checksum()).isEqualTo(load(new M001_CreateThings()).checksum());
    }

    @Test
    void badDeclarationsNameTheClassAndTheFix() {
        assertThatThrownBy(() -> load(new NoAnnotation()))
                .isInstanceOf(JavaRevisionException.class)
                .hasMessage("Java revision " + NoAnnotation.class.getName() + ": it has no @Revision annotation;"
                        + " declare its id and parents, e.g. @Revision(id = \"3f2a9c1b7d4e\", revises ="
                        + " \"1c9d2e4f6a8b\", message = \"...\")");
        assertThatThrownBy(() -> load(new BadId()))
                .isInstanceOf(JavaRevisionException.class)
                .hasMessageContaining(BadId.class.getName())
                .hasMessageContaining("Character(s) '-' not allowed in revision identifier 'bad-id'");
        assertThatThrownBy(() -> load(new EmptyParent()))
                .hasMessageContaining("@Revision(revises) has an empty entry; remove it");
        assertThatThrownBy(() -> load(new Throws()))
                .isInstanceOf(JavaRevisionException.class)
                .hasMessageContaining("upgrade() failed while its operations were recorded: no such setting 'x'");
        assertThatThrownBy(() -> load(new BadTimeout()))
                .isInstanceOf(JavaRevisionException.class)
                .hasMessage("Java revision " + BadTimeout.class.getName() + ": @Revision(statementTimeout) '2 seconds'"
                        + " is not a timeout; use a whole number with a unit, such as 500ms, 5s, 2min or 1h (at most"
                        + " 24 days), or 0 to disable");
    }

    @Test
    void javaRevisionsSortAmongTheFilesOfTheirPackagesLocation() {
        String location = "classpath:io/samokoder/migrations/java/";
        RevisionScript m000 = ScriptLoader.parse(location + "M000_first.sql", sql("f0", ""));
        RevisionScript m0015 = ScriptLoader.parse(location + "M001b_between.sql", sql("f15", "a1"));
        RevisionScript m009 = ScriptLoader.parse(location + "M009_last.sql", sql("f9", "b2"));
        RevisionScript elsewhere = ScriptLoader.parse("classpath:db/migrations/000_other.sql", sql("o1", ""));
        RevisionScript onDisk = ScriptLoader.parse("filesystem:/opt/sql/M001_x.sql", sql("d1", ""));
        RevisionScript a1 = load(new M001_CreateThings());
        RevisionScript b2 = load(new M002_OneWay());

        List<RevisionScript> ordered = JavaRevisions.arrange(List.of(elsewhere, m000, m0015, m009, onDisk),
                List.of(b2, a1));

        assertThat(ordered).extracting(RevisionScript::id).containsExactly("o1", "f0", "a1", "f15", "b2", "f9", "d1");
        assertThat(JavaRevisions.arrange(List.of(elsewhere), List.of(b2, a1)))
                .extracting(RevisionScript::id).containsExactly("o1", "a1", "b2");
        assertThat(JavaRevisions.arrange(List.of(elsewhere), List.of())).containsExactly(elsewhere);
    }

    private static String sql(String id, String revises) {
        return "-- " + id + "\n--\n-- Revision ID: " + id + "\n-- Revises: " + revises
                + "\n\n-- migrate:upgrade\nSELECT 1;\n";
    }
}
