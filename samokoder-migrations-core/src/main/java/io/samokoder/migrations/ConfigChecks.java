package io.samokoder.migrations;

import io.samokoder.migrations.dialect.Dialect;
import io.samokoder.migrations.dialect.Dialects;
import java.time.Duration;
import java.util.List;

/** The checks of {@link MigrationsConfig.Builder#build()}: each failure names the property and the fix. */
final class ConfigChecks {

    private ConfigChecks() {
    }

    // Each setting as the builder and as the front-ends' property (samokoder.migrations.* of the starter, of the
    // command line's --config file and of the Maven plugin) name it.
    private static final String SCHEMA = "schema (samokoder.migrations.schema)";
    private static final String VERSION_TABLE = "versionTable (samokoder.migrations.version-table)";
    private static final String LOG_TABLE = "logTable (samokoder.migrations.log-table)";

    /** @throws MigrationConfigurationException naming the first invalid property */
    static void check(MigrationsConfig c) {
        // The messages are built only for a failing check: this runs on every start.
        if (c.namingConvention() == null) {
            fail("namingConvention must not be null; the default is NamingConvention.DEFAULT");
        }
        if (c.transactionMode() == null) {
            fail("transactionMode must not be null; use PER_REVISION or SINGLE");
        }
        if (c.checksumPolicy() == null) {
            fail("checksumPolicy must not be null; use FAIL, WARN or OFF");
        }
        // Without a configured dialect, the names must suit every dialect that may be detected. The
        // default names suit all (DialectsTest), so the dialects' classes are not loaded for them. (No
        // method reference: its class would be spun on every start.)
        boolean defaults = c.schema() == null && MigrationsConfig.DEFAULT_VERSION_TABLE.equals(c.versionTable())
                && MigrationsConfig.DEFAULT_LOG_TABLE.equals(c.logTable());
        List<Dialect> dialects = c.dialect().isPresent() ? List.of(c.dialect().get())
                : defaults ? List.of() : Dialects.all();
        for (Dialect d : dialects) {
            if (c.schema() != null) {
                d.ddl().checkIdentifier(c.schema(), SCHEMA);
            }
            d.ddl().checkIdentifier(c.versionTable(), VERSION_TABLE);
            d.ddl().checkIdentifier(c.logTable(), LOG_TABLE);
        }
        String versionTable = c.versionTable();
        String logTable = c.logTable();
        String suffix = MigrationsConfig.STATE_TABLE_SUFFIX;
        if (versionTable.equals(logTable)) {
            fail(VERSION_TABLE + " and " + LOG_TABLE + " must differ (both are '" + versionTable + "')");
        }
        if (logTable.length() > 57) {
            fail(LOG_TABLE + " '" + logTable + "' is too long: at most 57 characters, since the table of verified"
                    + " script sets is named <logTable>" + suffix);
        }
        if (versionTable.equals(logTable + suffix)) {
            fail(VERSION_TABLE + " must not be the log table's name + '" + suffix + "' (that name is the table of"
                    + " verified script sets)");
        }
        if (versionTable.length() > 59) {
            fail(VERSION_TABLE + " '" + versionTable + "' is too long: at most 59 characters, since its primary key"
                    + " is named <table>_pkc");
        }
        checkDuration(c.lockWaitTimeout(), "lockWaitTimeout (samokoder.migrations.lock-wait-timeout)");
        checkDuration(c.lockTimeout(), "lockTimeout (samokoder.migrations.lock-timeout)");
        checkDuration(c.statementTimeout(), "statementTimeout (samokoder.migrations.statement-timeout)");
        checkDuration(c.deadHolderTimeout(), "deadHolderTimeout (samokoder.migrations.dead-holder-timeout)");
        if (c.lockRetries() < 0) {
            fail("lockRetries (samokoder.migrations.lock-retries) must be 0 or more, not " + c.lockRetries());
        }
        if (c.connectRetries() < 0) {
            fail("connectRetries (samokoder.migrations.connect-retries) must be 0 or more, not "
                    + c.connectRetries());
        }
        checkDuration(c.connectRetriesInterval(),
                "connectRetriesInterval (samokoder.migrations.connect-retries-interval)");
        if (c.locations().isEmpty() && c.scripts().isEmpty() && c.javaRevisions().isEmpty()) {
            fail("locations (samokoder.migrations.locations) must not be empty when no scripts are given; the"
                    + " default is " + MigrationsConfig.DEFAULT_LOCATIONS);
        }
    }

    private static void checkDuration(Duration value, String setting) {
        if (value == null || value.isNegative()) {
            fail(setting + " must be zero or positive, not " + (value == null ? "null" : text(value)));
        }
    }

    /** A duration as a property gives it: {@code -5s}, {@code 500ms}. */
    static String text(Duration value) {
        long millis = value.toMillis();
        return millis % 1000 == 0 ? (millis / 1000) + "s" : millis + "ms";
    }

    static void require(boolean condition, String message) {
        if (!condition) {
            fail(message);
        }
    }

    private static void fail(String message) {
        throw new MigrationConfigurationException("Invalid migrations configuration: " + message);
    }
}
