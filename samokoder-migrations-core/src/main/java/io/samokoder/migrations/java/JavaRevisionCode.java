package io.samokoder.migrations.java;

import io.samokoder.migrations.dialect.Dialect;
import io.samokoder.migrations.ops.LiveOperations;
import io.samokoder.migrations.ops.NamingConvention;
import io.samokoder.migrations.ops.NeedsDatabaseException;
import io.samokoder.migrations.ops.Operation;
import io.samokoder.migrations.ops.OperationNotSupportedException;
import io.samokoder.migrations.ops.OperationRecorder;
import io.samokoder.migrations.ops.OperationRenderer;
import io.samokoder.migrations.ops.StatementRunner;
import io.samokoder.migrations.script.ChecksumChange;
import io.samokoder.migrations.script.PartChecksums;
import io.samokoder.migrations.script.RevisionCode;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * A Java revision's operations, recorded once when it is loaded. A revision that only calls
 * operations is rendered per database from that record, and its checksum covers it; one that reads
 * the database cannot be recorded, so it runs against the database and its checksum is its declared
 * version.
 */
final class JavaRevisionCode implements RevisionCode {

    /** The checksum of a declared version: {@code jv:} and the version as declared. */
    static final String VERSION_PREFIX = "jv:";

    private final JavaRevision revision;
    private final String description;
    private final NamingConvention naming;
    /** {@code null} when the revision reads the database. */
    private final List<Operation> upgrade;
    /** {@code null} when irreversible or when the revision reads the database. */
    private final List<Operation> downgrade;
    private final boolean reversible;
    private final boolean readsDatabase;
    /** The declared version's checksum; {@code null} for a revision checksummed by its operations. */
    private final String versionChecksum;
    /** The recorded operations' checksum, computed when first asked. */
    private volatile String recordedChecksum;
    /** Their {@code j1:} checksum, computed when a log row of that form is compared. */
    private volatile String legacyChecksum;

    private JavaRevisionCode(JavaRevision revision, String description, NamingConvention naming,
            List<Operation> upgrade, List<Operation> downgrade, boolean reversible, String versionChecksum) {
        this.revision = revision;
        this.description = description;
        this.naming = naming;
        this.upgrade = upgrade;
        this.downgrade = downgrade;
        this.reversible = reversible;
        this.readsDatabase = upgrade == null || (reversible && downgrade == null);
        this.versionChecksum = versionChecksum;
    }

    /** The revision this code is of. */
    JavaRevision revision() {
        return this.revision;
    }

    /**
     * Records the revision's operations.
     *
     * @throws JavaRevisionException if it reads the database without a declared version, or its
     *         code fails while being recorded
     */
    static JavaRevisionCode record(JavaRevision revision, String version, String description, NamingConvention naming) {
        String className = JavaRevisions.declaringClass(revision).getName();
        List<Operation> up = record(revision, true, naming, className);
        List<Operation> down;
        boolean reversible = true;
        try {
            down = record(revision, false, naming, className);
        } catch (Irreversible e) {
            down = null;
            reversible = false;
        }
        boolean reads = up == null || (reversible && down == null);
        if (reads && version.isEmpty()) {
            throw new JavaRevisionException(className, "it reads the database (op.hasTable, op.hasColumn, op.hasIndex,"
                    + " op.hasConstraint or op.connection()), so its operations cannot be recorded for its checksum."
                    + " Declare a version, e.g. @Revision(..., version = \"1\"), and raise it whenever you change what"
                    + " the revision does.", null);
        }
        // A recorded revision's checksum is computed when first asked: a start that the fast start
        // answers needs only its stamp.
        return new JavaRevisionCode(revision, description, naming, reads ? null : up,
                reads ? null : down, reversible, version.isEmpty() ? null : VERSION_PREFIX.concat(version));
    }

    /** The operations of one direction, or {@code null} when the code reads the database. */
    private static List<Operation> record(JavaRevision revision, boolean upgrade, NamingConvention naming,
            String className) {
        OperationRecorder recorder = new OperationRecorder(naming);
        try {
            if (upgrade) {
                revision.upgrade(recorder);
            } else {
                revision.downgrade(recorder);
            }
            return recorder.operations();
        } catch (NeedsDatabaseException e) {
            return null;
        } catch (Irreversible e) {
            throw e;
        } catch (JavaRevisionException e) {
            throw e;
        } catch (Exception e) {
            throw new JavaRevisionException(className, (upgrade ? "upgrade" : "downgrade")
                    + "() failed while its operations were recorded: " + e.getMessage()
                    + ". Fix the call it names; recording runs the code without a database.", e);
        }
    }

    @Override
    public boolean reversible() {
        return this.reversible;
    }

    @Override
    public String checksum() {
        if (this.versionChecksum != null) {
            return this.versionChecksum;
        }
        String value = this.recordedChecksum;
        if (value == null) {
            value = RecordedChecksum.of(this.upgrade, checkedDowngrade());
            this.recordedChecksum = value;
        }
        return value;
    }

    /** Recognises the {@code j1:} checksums written before the two-part form, too. */
    @Override
    public ChecksumChange compareChecksum(String recorded) {
        if (this.versionChecksum != null) {
            return PartChecksums.compare(recorded, this.versionChecksum);
        }
        // An anonymous class, not this::legacyChecksum, whose hidden class would be spun on first use.
        Supplier<String> legacy = new Supplier<>() {
            @Override
            public String get() {
                return legacyChecksum();
            }
        };
        return PartChecksums.compare(recorded, checksum(), RecordedChecksum.LEGACY_PREFIX, legacy);
    }

    /** The recorded operations' {@code j1:} checksum, computed once. */
    private String legacyChecksum() {
        String legacy = this.legacyChecksum;
        if (legacy == null) {
            legacy = RecordedChecksum.legacy(this.upgrade, checkedDowngrade());
            this.legacyChecksum = legacy;
        }
        return legacy;
    }

    /**
     * The declared version's checksum, or for recorded operations a cheaper hash of the same text as
     * their checksum ({@link RecordedChecksum#stamp}), whether or not the checksum was computed.
     */
    @Override
    public String stamp() {
        return this.versionChecksum != null ? this.versionChecksum
                : RecordedChecksum.stamp(this.upgrade, checkedDowngrade());
    }

    /** The downgrade operations the checksum and the stamp cover: none for an irreversible revision. */
    private List<Operation> checkedDowngrade() {
        return this.reversible ? this.downgrade : null;
    }

    @Override
    public boolean readsDatabase() {
        return this.readsDatabase;
    }

    /** The recorded operations of one direction; empty when the revision reads the database. */
    List<Operation> operations(boolean upgrade) {
        List<Operation> operations = upgrade ? this.upgrade : this.downgrade;
        return operations == null ? List.of() : operations;
    }

    @Override
    public List<String> statements(boolean upgrade, Dialect dialect) {
        if (this.readsDatabase) {
            throw NeedsDatabaseException.offline(this.description);
        }
        OperationRenderer renderer = dialect.operations();
        List<Operation> operations = operations(upgrade);
        List<String> statements = new ArrayList<>(operations.size() + 2);
        Set<String> enumTypesCreated = new HashSet<>(2);
        try {
            for (int i = 0; i < operations.size(); i++) {
                renderer.renderInto(operations.get(i), statements, enumTypesCreated);
            }
        } catch (OperationNotSupportedException e) {
            // The renderer names the table and column; the revision is named here.
            throw new OperationNotSupportedException("Java revision "
                    + JavaRevisions.declaringClass(this.revision).getName() + ", its "
                    + (upgrade ? "upgrade" : "downgrade") + "(): " + e.getMessage());
        }
        return Collections.unmodifiableList(statements);
    }

    @Override
    public boolean requiresAutocommit(Dialect dialect) {
        if (this.readsDatabase) {
            return false;
        }
        OperationRenderer renderer = dialect.operations();
        return requiresAutocommit(renderer, this.upgrade)
                || (this.downgrade != null && requiresAutocommit(renderer, this.downgrade));
    }

    private static boolean requiresAutocommit(OperationRenderer renderer, List<Operation> operations) {
        for (int i = 0; i < operations.size(); i++) {
            if (renderer.requiresAutocommit(operations.get(i))) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void run(boolean upgrade, Connection connection, Dialect dialect, Sink sink) throws Exception {
        LiveOperations op = new LiveOperations(connection, dialect.operations(), this.naming, new SinkRunner(sink));
        try {
            if (upgrade) {
                this.revision.upgrade(op);
            } else {
                this.revision.downgrade(op);
            }
        } finally {
            if (op.connectionTaken()) {
                sink.tookConnection();
            }
        }
    }

    /** Sends each statement of a revision that reads the database to the sink (a class, not {@code sink::send}). */
    private static final class SinkRunner implements StatementRunner {

        private final Sink sink;

        SinkRunner(Sink sink) {
            this.sink = sink;
        }

        @Override
        public void run(String sql) throws SQLException {
            this.sink.send(sql);
        }
    }
}
