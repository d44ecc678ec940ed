package io.samokoder.migrations.runtime;

import io.samokoder.migrations.Command;
import io.samokoder.migrations.MigrationResult;
import io.samokoder.migrations.MigrationsConfig;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The table of verified script sets, and the one-query check that makes a no-op start cheap.
 *
 * <p>After an upgrade under the lock that ends with the version rows at the heads and finds no
 * drift, the runtime records the scripts' fingerprint, those heads and the size of the log (row
 * count and last id). A later {@code upgrade("heads")} whose scripts have the same fingerprint reads,
 * in one statement and so from one snapshot, the version rows, that record and the log's size: when
 * the rows are the recorded heads and the log has not changed, every check of the full path
 * (known rows, checksums against the log, the plan) would find what it found then, and there is
 * nothing to do. Any run that changes the rows or the log (upgrade, downgrade, stamp, a failed
 * attempt) writes the log, so the record stops matching.
 */
final class FastStart {

    private static final Logger LOG = LoggerFactory.getLogger("io.samokoder.migrations.Migrations");

    /** How many fingerprints are kept (several builds may be deployed side by side). */
    static final int KEPT = 10;

    /** The only target the fast start answers for. */
    private static final String HEADS = "heads";

    /** What a connection is opened for, in its errors. */
    static final String READING = "reading the version table";

    private static final Answer MISSED = new Answer(null, true, true);
    private static final Answer ABSENT = new Answer(null, true, false);
    private static final Answer FAILED = new Answer(null, false, false);

    private final Tables tables;

    FastStart(Tables tables) {
        this.tables = tables;
    }

    /**
     * Whether the fast start may answer: the target is {@code heads}, the fast start is on and there is
     * a DataSource.
     */
    static boolean applies(MigrationsConfig config, String target) {
        return HEADS.equals(target) && config.fastStart() && config.dataSource() != null;
    }

    /**
     * The version rows when one query shows they are the heads verified for the scripts' fingerprint,
     * with the log unchanged since; {@code null} otherwise: also when the fast start does not
     * {@linkplain #applies apply} and when the query fails (a connection that cannot be opened fails
     * here as it would on the full path). Opens a connection and closes it.
     */
    static List<String> verifiedRows(MigrationsConfig config, Binding binding, Catalog catalog, String target) {
        if (!applies(config, target)) {
            return null;
        }
        return Jdbc.autocommit(config.dataSource(), READING, check(binding, catalog)).rows();
    }

    /** The fast start's check on a connection the caller opened and keeps, in autocommit. */
    static Answer verifiedRows(Connection connection, Binding binding, Catalog catalog) {
        return Jdbc.autocommit(connection, READING, check(binding, catalog));
    }

    /**
     * The fast start's check on the lock's connection ({@link MigrationLock#read}), for a run that waited for
     * another's: the verified rows, or {@code null}.
     */
    static List<String> verifiedRows(MigrationLock lock, Binding.Bound bound, Catalog catalog) throws SQLException {
        return lock.read(new Jdbc.Work<Answer>() {
            @Override
            public Answer run(Connection connection) throws SQLException {
                return bound.fastStart().check(connection, catalog);
            }
        }).rows();
    }

    /**
     * The no-op upgrade that the check answered: the verified rows before and after, no step, the run's time since
     * {@code start} and the lock wait ({@link Duration#ZERO} when no lock was taken).
     */
    static MigrationResult answered(List<String> rows, String target, Instant startedAt, long start,
            Duration lockWait) {
        return new MigrationResult(Command.UPGRADE, target, rows, rows, List.of(), startedAt,
                Duration.ofNanos(System.nanoTime() - start), lockWait, true, List.of());
    }

    /** An inner class, not a lambda: on a cold start a lambda's class would cost more than the query. */
    private static Jdbc.Work<Answer> check(Binding binding, Catalog catalog) {
        return new Jdbc.Work<Answer>() {
            @Override
            public Answer run(Connection connection) throws SQLException {
                return binding.on(connection).fastStart().check(connection, catalog);
            }
        };
    }

    /**
     * What the fast start found: the verified version rows, or {@code null}; and whether its connection
     * is as good as a new one for the full path (its query succeeded, or found a table missing); and
     * whether its query succeeded, so that the engine's tables exist and need not be looked up.
     */
    record Answer(List<String> rows, boolean connectionReusable, boolean tablesSeen) {
    }

    /**
     * The version rows when the database is at the heads recorded for the scripts' fingerprint and the
     * log is as it was then; none otherwise, also when a table is missing or the query fails (for
     * example without privilege on the state table; then the connection is not offered for reuse): the
     * full path then runs and reports what matters. Where the dialect asks, the tables are looked up first
     * ({@link io.samokoder.migrations.dialect.StoreSql#looksUpBeforeFastStart}). A missing table (most
     * often a new database) also tells the catalog to leave the scripts' content hashes to be computed on
     * demand ({@link Catalog#deferContentHashes}). The fingerprint is taken only when a record has those
     * heads and that log, so a database without records (a new one) costs no pass over the scripts here.
     */
    Answer check(Connection connection, Catalog catalog) {
        if (this.tables.dialect().store().looksUpBeforeFastStart()) {
            Answer missing = lookUp(connection, catalog);
            if (missing != null) {
                return missing;
            }
        }
        String sql = this.tables.dialect().store().verifiedStateQuery(this.tables.qualifiedVersion(),
                this.tables.qualifiedState(), this.tables.qualifiedLog());
        List<String> rows = new ArrayList<>();
        List<Record> records = new ArrayList<>(KEPT);
        long logRows = -2;
        Long lastId = null;
        try (Statement st = connection.createStatement();
                ResultSet rs = this.tables.dialect().store().queryOwnTables(st, sql)) {
            while (rs.next()) {
                switch (rs.getInt(1)) {
                    case 1 -> rows.add(rs.getString(2));
                    case 2 -> records.add(new Record(rs.getString(5), rs.getString(2), rs.getLong(3),
                            longOrNull(rs, 4)));
                    default -> {
                        logRows = rs.getLong(3);
                        lastId = longOrNull(rs, 4);
                    }
                }
            }
        } catch (SQLException e) {
            if (this.tables.dialect().isUndefinedTable(e)) {
                // Most often a new database: nothing applied to compare, so the load need not hash every file.
                catalog.deferContentHashes();
                return ABSENT;
            }
            LOG.debug("The fast start's query failed, checking in full: {}", Jdbc.describe(e));
            return FAILED;
        }
        if (rows.isEmpty() || records.isEmpty()) {
            return MISSED;
        }
        String heads = key(rows);
        String fingerprint = null;
        for (Record record : records) {
            if (record.logRows() == logRows && Objects.equals(record.lastId(), lastId)
                    && record.heads().equals(heads)) {
                if (fingerprint == null) {
                    fingerprint = catalog.fingerprint();
                    if (fingerprint == null) {
                        return MISSED;
                    }
                }
                if (fingerprint.equals(record.fingerprint())) {
                    return new Answer(List.copyOf(rows), true, true);
                }
            }
        }
        return MISSED;
    }

    /**
     * Where the dialect looks the tables up before the query (H2, whose file databases write every failed
     * query to their trace file): the answer when one of the three is missing or the lookup fails, else
     * {@code null}, and the query runs.
     */
    private Answer lookUp(Connection connection, Catalog catalog) {
        try {
            boolean[] found = DbState.lookUp(connection, this.tables,
                    List.of(this.tables.versionTable(), this.tables.logTable(), this.tables.stateTable()));
            if (found == null || (found[0] && found[1] && found[2])) {
                return null;
            }
        } catch (SQLException e) {
            LOG.debug("The fast start's lookup of the tables failed, checking in full: {}", Jdbc.describe(e));
            return FAILED;
        }
        catalog.deferContentHashes();
        return ABSENT;
    }

    /** A state row: scripts of this fingerprint were verified at these heads with the log of this size. */
    private record Record(String fingerprint, String heads, long logRows, Long lastId) {
    }

    /**
     * Records that the scripts with this fingerprint were verified with the version rows at
     * {@code heads} and the log as it is now; keeps the {@value #KEPT} latest records. Runs under the
     * migration lock, so there is one writer at a time.
     */
    void record(Connection connection, String fingerprint, List<String> heads) throws SQLException {
        String state = this.tables.qualifiedState();
        String create = this.tables.dialect().ddl().createStateTable(this.tables.schema(), this.tables.stateTable());
        var store = this.tables.dialect().store();
        String delete = store.deleteStates(state, KEPT - 1);
        String insert = store.insertState(state, this.tables.qualifiedLog());
        if (this.tables.dialect().executesSeveralStatements()) {
            // One round trip, one transaction.
            try (PreparedStatement ps = connection.prepareStatement(create + ";\n" + delete + ";\n" + insert)) {
                ps.setString(1, fingerprint);
                ps.setString(2, fingerprint);
                ps.setString(3, key(heads));
                ps.execute();
            }
            return;
        }
        try (Statement st = connection.createStatement()) {
            st.execute(create);
        }
        try (PreparedStatement ps = connection.prepareStatement(delete)) {
            ps.setString(1, fingerprint);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = connection.prepareStatement(insert)) {
            ps.setString(1, fingerprint);
            ps.setString(2, key(heads));
            ps.executeUpdate();
        }
    }

    /** The rows or heads as one comparable text: sorted, space-separated. */
    static String key(List<String> ids) {
        List<String> sorted = new ArrayList<>(ids);
        Collections.sort(sorted);
        return String.join(" ", sorted);
    }

    private static Long longOrNull(ResultSet rs, int column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }
}
