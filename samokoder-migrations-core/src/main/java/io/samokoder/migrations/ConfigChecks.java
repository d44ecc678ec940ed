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
                d.ddl().checkIdentifier(c.schema(), named("schema", "schema"));
            }
            d.ddl().checkIdentifier(c.versionTable(), named("versionTable", "version-table"));
            d.ddl().checkIdentifier(c.logTable(), named("logTable", "log-table"));
        }
        String versionTable = c.versionTable();
        String logTable = c.logTable();
        String suffix = MigrationsConfig.STATE_TABLE_SUFFIX;
        require(!versionTable.equals(logTable), named("versionTable", "version-table") + " and "
                + named("logTable", "log-table") + " must differ (both are '" + versionTable + "')");
        require(logTable.length() <= 57, named("logTable", "log-table") + " '" + logTable + "' is too long: at most"
                + " 57 characters, since the table of verified script sets is named <logTable>" + suffix);
        require(!versionTable.equals(logTable + suffix), named("versionTable", "version-table")
                + " must not be the log table's name + '" + suffix
                + "' (that name is the table of verified script sets)");
        require(versionTable.length() <= 59, named("versionTable", "version-table") + " '" + versionTable
                + "' is too long: at most 59"
                + " characters, since its primary key is named <table>_pkc");
        checkDuration(c.lockWaitTimeout(), named("lockWaitTimeout", "lock-wait-timeout"));
        checkDuration(c.lockTimeout(), named("lockTimeout", "lock-timeout"));
        checkDuration(c.statementTimeout(), named("statementTimeout", "statement-timeout"));
        require(c.lockRetries() >= 0, named("lockRetries", "lock-retries") + " must be 0 or more, not "
                + c.lockRetries());
        require(!c.locations().isEmpty() || !c.scripts().isEmpty() || !c.javaRevisions().isEmpty(),
                named("locations", "locations") + " must not be empty when no scripts are given; the default is "
                        + MigrationsConfig.DEFAULT_LOCATIONS);
    }

    private static void checkDuration(Duration value, String property) {
        require(value != null && !value.isNegative(), property + " must be zero or positive, not "
                + (value == null ? "null" : text(value)));
    }

    /**
     * A setting as the builder and as the front-ends' property ({@code samokoder.migrations.*} of the starter, of
     * the command line's {@code --config} file and of the Maven plugin) name it.
     */
    static String named(String builder, String property) {
        return builder + " (samokoder.migrations." + property + ")";
    }

    /** A duration as a property gives it: {@code -5s}, {@code 500ms}. */
    static String text(Duration value) {
        long millis = value.toMillis();
        return millis % 1000 == 0 ? (millis / 1000) + "s" : millis + "ms";
    }

    static void require(boolean condition, String message) {
        if (!condition) {
            throw new MigrationConfigurationException("Invalid migrations configuration: " + message);
        }
    }
}
