package io.samokoder.migrations.runtime;

import io.samokoder.migrations.dialect.Dialect;
import io.samokoder.migrations.script.Placeholders;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;

/**
 * The values of Flyway's built-in placeholders ({@link Placeholders#BUILT_IN}) for one run, those of the
 * connection read from the lock's connection when a script first asks for one, so that a run whose scripts use
 * none asks the database nothing more. Offline (no lock) only those that need no connection have one.
 */
final class BuiltInValues implements Placeholders.BuiltIns {

    private final MigrationLock lock;
    private final Dialect dialect;
    private final String schema;
    private final String versionTable;
    private final long startedAt = System.currentTimeMillis();
    private final Map<String, String> read = new HashMap<>();

    /**
     * @param lock the run's lock, whose connection the values of the connection are read from; {@code null}
     *     offline, where they have none
     * @param schema the engine's tables' schema as configured, or {@code null} for the connection's own
     */
    BuiltInValues(MigrationLock lock, Dialect dialect, String schema, String versionTable) {
        this.lock = lock;
        this.dialect = dialect;
        this.schema = schema;
        this.versionTable = versionTable;
    }

    @Override
    public String value(String name) {
        switch (name) {
            case "flyway:table":
                return this.versionTable;
            case "flyway:timestamp":
                return DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
                        .format(Instant.ofEpochMilli(this.startedAt).atZone(ZoneId.systemDefault()));
            case "flyway:workingdirectory":
                return System.getProperty("user.dir");
            case "flyway:defaultschema":
                return this.schema != null ? this.schema : fromConnection(name);
            case "flyway:user":
            case "flyway:database":
                return fromConnection(name);
            default:
                return null;
        }
    }

    private String fromConnection(String name) {
        if (this.lock == null) {
            return null;
        }
        String value = this.read.get(name);
        if (value != null) {
            return value;
        }
        try {
            value = this.lock.read(new ConnectionValue(name, this.dialect));
        } catch (SQLException e) {
            throw Jdbc.failure("Could not read the value of placeholder '${" + name + "}' from the connection", e);
        }
        if (value != null) {
            this.read.put(name, value);
        }
        return value;
    }

    /** A built-in placeholder's value read on the lock's connection; a class, not a lambda: on the run path. */
    private static final class ConnectionValue implements Jdbc.Work<String> {

        private final String name;
        private final Dialect dialect;

        ConnectionValue(String name, Dialect dialect) {
            this.name = name;
            this.dialect = dialect;
        }

        @Override
        public String run(Connection connection) throws SQLException {
            switch (this.name) {
                case "flyway:user":
                    return connection.getMetaData().getUserName();
                case "flyway:database":
                    return connection.getCatalog();
                default:
                    try (Statement st = connection.createStatement();
                            ResultSet rs = st.executeQuery(this.dialect.session().currentSchemaQuery())) {
                        return rs.next() ? rs.getString(1) : null;
                    }
            }
        }
    }
}
