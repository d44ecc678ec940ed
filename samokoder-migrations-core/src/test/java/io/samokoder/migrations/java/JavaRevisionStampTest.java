package io.samokoder.migrations.java;

import static org.assertj.core.api.Assertions.assertThat;

import io.samokoder.migrations.ops.Column;
import io.samokoder.migrations.ops.NamingConvention;
import io.samokoder.migrations.ops.Operations;
import io.samokoder.migrations.ops.Type;
import io.samokoder.migrations.script.RevisionCode;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A Java revision's stamp, which the fast start's fingerprint covers on every start in place of the
 * checksum: it changes whenever the checksum would, and does not depend on whether the checksum was
 * computed.
 */
class JavaRevisionStampTest {

    @Revision(id = "5a0000000001", message = "Base")
    static class Base implements JavaRevision {
        @Override
        public void upgrade(Operations op) {
            op.createTable("notes", Column.of("id", Type.BIGINT).primaryKey(), Column.of("body", Type.TEXT));
        }

        @Override
        public void downgrade(Operations op) {
            op.dropTable("notes");
        }
    }

    @Revision(id = "5a0000000001", message = "Base")
    static class SameOperations extends Base {
    }

    @Revision(id = "5a0000000001", message = "Base")
    static class OtherColumnName extends Base {
        @Override
        public void upgrade(Operations op) {
            op.createTable("notes", Column.of("id", Type.BIGINT).primaryKey(), Column.of("bodx", Type.TEXT));
        }
    }

    @Revision(id = "5a0000000001", message = "Base")
    static class OtherDowngrade extends Base {
        @Override
        public void downgrade(Operations op) {
            op.execute("DROP TABLE notes");
        }
    }

    @Revision(id = "5a0000000001", message = "Base")
    static class Irreversible implements JavaRevision {
        @Override
        public void upgrade(Operations op) {
            op.createTable("notes", Column.of("id", Type.BIGINT).primaryKey(), Column.of("body", Type.TEXT));
        }
    }

    @Revision(id = "5a0000000001", message = "Base", version = "3")
    static class Versioned extends Base {
    }

    private static RevisionCode code(JavaRevision revision) {
        return JavaRevisions.load(revision, NamingConvention.DEFAULT).code().orElseThrow();
    }

    @Test
    void theSameOperationsHaveTheSameStampWhateverTheClass() {
        assertThat(code(new SameOperations()).stamp()).isEqualTo(code(new Base()).stamp()).startsWith("js:");
    }

    @Test
    void everyChangeThatChangesTheChecksumChangesTheStamp() {
        List<RevisionCode> codes = List.of(code(new Base()), code(new OtherColumnName()), code(new OtherDowngrade()),
                code(new Irreversible()), code(new Versioned()));
        Set<String> checksums = new HashSet<>();
        Set<String> stamps = new HashSet<>();
        for (RevisionCode c : codes) {
            checksums.add(c.checksum());
            stamps.add(c.stamp());
        }
        assertThat(checksums).hasSize(codes.size());
        assertThat(stamps).hasSize(codes.size());
    }

    @Test
    void theStampIsTheSameBeforeAndAfterTheChecksumIsComputed() {
        RevisionCode fresh = code(new Base());
        String before = fresh.stamp();
        String checksum = fresh.checksum();
        assertThat(fresh.stamp()).isEqualTo(before).isNotEqualTo(checksum);
        assertThat(checksum).isEqualTo(code(new Base()).checksum()).startsWith("j2:");
    }

    @Test
    void aDeclaredVersionIsBothTheChecksumAndTheStamp() {
        RevisionCode versioned = code(new Versioned());
        assertThat(versioned.stamp()).isEqualTo(versioned.checksum()).isEqualTo("jv:3");
    }
}
