package io.samokoder.migrations.ops;

import java.sql.Connection;
import java.util.Arrays;
import java.util.List;

/**
 * Records the operations a revision calls, without a database: for the revision's checksum and for
 * offline SQL. Inspection and {@link #connection()} throw {@link NeedsDatabaseException}.
 */
public final class OperationRecorder extends OperationCalls {

    private Operation[] operations = new Operation[4];
    private int count;

    /** A recorder that names unnamed indexes and constraints by this convention. */
    public OperationRecorder(NamingConvention naming) {
        super(naming);
    }

    @Override
    void accept(Operation operation) {
        if (this.count == this.operations.length) {
            this.operations = Arrays.copyOf(this.operations, this.count * 2);
        }
        this.operations[this.count++] = operation;
    }

    /** What was called, in order, with names resolved. */
    public List<Operation> operations() {
        return Lists.of(this.operations, this.count);
    }

    @Override
    public boolean hasTable(String table) {
        throw new NeedsDatabaseException("hasTable(" + table + ")");
    }

    @Override
    public boolean hasColumn(String table, String column) {
        throw new NeedsDatabaseException("hasColumn(" + table + ", " + column + ")");
    }

    @Override
    public boolean hasIndex(String table, String index) {
        throw new NeedsDatabaseException("hasIndex(" + table + ", " + index + ")");
    }

    @Override
    public boolean hasConstraint(String table, String constraint) {
        throw new NeedsDatabaseException("hasConstraint(" + table + ", " + constraint + ")");
    }

    @Override
    public Connection connection() {
        throw new NeedsDatabaseException("connection()");
    }
}
