package io.samokoder.migrations;

import io.samokoder.migrations.dialect.Dialect;
import io.samokoder.migrations.dialect.Dialects;
import java.time.Duration;
import java.util.List;

/** The checks of {@link MigrationsConfig.Builder#build()}: each failure names the property and the fix. */
final class ConfigChecks {

    private ConfigChecks() {
    }

    /** @throws MigrationConfigurationException naming the first invalid property */
    static void check(MigrationsConfig c) {
        require(c.namingConvention() != null, "namingConvention must not be null; the default is"
                + " NamingConvention.DEFAULT");
        require(c.transactionMode() != null, "transactionMode must not be null; use PER_REVISION or SINGLE");
        require(c.checksumPolicy() != null, "checksumPolicy must not be null; use FAIL, WARN or OFF");
        // Without a configured dialect, the names must suit every dialect that may be detected. The
        // default names suit all (DialectsTest), so the dialects' classes are not loaded for them. (No
        // method reference: its class would be spun on every start.)
        boolean defaults = c.schema() == null && MigrationsConfig.DEFAULT_VERSION_TABLE.equals(c.versionTable())
                && MigrationsConfig.DEFAULT_LOG_TABLE.equals(c.logTable());
        List<Dialect> dialects = c.dialect().isPresent() ? List.of(c.dialect().get())
                : defaults ? List.of() : Dialects.all();
        for (Dialect d : dialects) {
            if (c.schema() != null) {
                d.ddl().checkIdentifier(c.schema(), "schema");
            }
            d.ddl().checkIdentifier(c.versionTable(), "versionTable");
            d.ddl().checkIdentifier(c.logTable(), "logTable");
        }
        String versionTable = c.versionTable();
        String logTable = c.logTable();
        String suffix = MigrationsConfig.STATE_TABLE_SUFFIX;
        require(!versionTable.equals(logTable), "versionTable and logTable must differ (both are '" + versionTable
                + "')");
        require(logTable.length() <= 57, "logTable '" + logTable + "' is too long: at most 57 characters, since the"
                + " table of verified script sets is named <logTable>" + suffix);
        require(!versionTable.equals(logTable + suffix), "versionTable must not be logTable + '" + suffix
                + "' (that name is the table of verified script sets)");
        require(versionTable.length() <= 59, "versionTable '" + versionTable + "' is too long: at most 59"
                + " characters, since its primary key is named <table>_pkc");
        checkDuration(c.lockWaitTimeout(), "lockWaitTimeout");
        checkDuration(c.lockTimeout(), "lockTimeout");
        checkDuration(c.statementTimeout(), "statementTimeout");
        require(c.lockRetries() >= 0, "lockRetries must be 0 or more, not " + c.lockRetries());
        require(!c.locations().isEmpty() || !c.scripts().isEmpty() || !c.javaRevisions().isEmpty(),
                "locations must not be empty when no scripts are given; the default is "
                        + MigrationsConfig.DEFAULT_LOCATIONS);
    }

    private static void checkDuration(Duration value, String property) {
        require(value != null && !value.isNegative(), property + " must be zero or positive, not " + value);
    }

    static void require(boolean condition, String message) {
        if (!condition) {
            throw new MigrationConfigurationException("Invalid migrations configuration: " + message);
        }
    }
}
