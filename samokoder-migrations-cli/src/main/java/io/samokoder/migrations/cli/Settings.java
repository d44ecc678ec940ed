package io.samokoder.migrations.cli;

import io.samokoder.migrations.ChecksumPolicy;
import io.samokoder.migrations.TransactionMode;
import io.samokoder.migrations.cli.command.AutogenerateSettings;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The engine settings of one CLI run, each from the first source that has it: command-line option,
 * environment, configuration file ({@code --config}). {@code null} means "not set" (the engine's
 * default).
 */
record Settings(String url, String user, String password, List<String> locations, String schema,
        String versionTable, String logTable, String fileTemplate, TransactionMode transactionMode,
        Duration lockWaitTimeout, Duration lockTimeout, Integer lockRetries, Duration statementTimeout,
        ChecksumPolicy checksumPolicy, Boolean fastStart, List<String> excludeTables, Boolean compareServerDefaults,
        Boolean dropUnmappedTables, List<String> javaPackages, Map<String, String> namingConvention,
        Boolean retryPartial, String dialect, Duration deadHolderTimeout, Map<String, String> placeholders,
        Boolean placeholderReplacement, List<String> repeatableLocations) {

    /** Nothing set. */
    static final Settings NONE = new Settings(null, null, null, null, null, null, null, null, null, null, null, null,
            null, null, null, null, null, null, null, null, null, null, null, null, null, null);

    /** These settings where set, else the other's. */
    Settings or(Settings other) {
        return new Settings(pick(this.url, other.url), pick(this.user, other.user), pick(this.password, other.password),
                pick(this.locations, other.locations), pick(this.schema, other.schema),
                pick(this.versionTable, other.versionTable), pick(this.logTable, other.logTable),
                pick(this.fileTemplate, other.fileTemplate), pick(this.transactionMode, other.transactionMode),
                pick(this.lockWaitTimeout, other.lockWaitTimeout), pick(this.lockTimeout, other.lockTimeout),
                pick(this.lockRetries, other.lockRetries), pick(this.statementTimeout, other.statementTimeout),
                pick(this.checksumPolicy, other.checksumPolicy), pick(this.fastStart, other.fastStart),
                pick(this.excludeTables, other.excludeTables),
                pick(this.compareServerDefaults, other.compareServerDefaults),
                pick(this.dropUnmappedTables, other.dropUnmappedTables), pick(this.javaPackages, other.javaPackages),
                pick(this.namingConvention, other.namingConvention), pick(this.retryPartial, other.retryPartial),
                pick(this.dialect, other.dialect), pick(this.deadHolderTimeout, other.deadHolderTimeout),
                merge(this.placeholders, other.placeholders),
                pick(this.placeholderReplacement, other.placeholderReplacement),
                pick(this.repeatableLocations, other.repeatableLocations));
    }

    /** The placeholders of both, these winning for a name both give. */
    private static Map<String, String> merge(Map<String, String> first, Map<String, String> second) {
        if (first == null || second == null) {
            return pick(first, second);
        }
        Map<String, String> merged = new LinkedHashMap<>(second);
        merged.putAll(first);
        return merged;
    }

    /** What autogenerate and {@code check} compare, from these settings and the defaults. */
    AutogenerateSettings autogenerate() {
        AutogenerateSettings defaults = AutogenerateSettings.DEFAULTS;
        return new AutogenerateSettings(this.excludeTables == null ? defaults.excludeTables() : this.excludeTables,
                this.compareServerDefaults == null ? defaults.compareServerDefaults() : this.compareServerDefaults,
                this.dropUnmappedTables == null ? defaults.dropUnmappedTables() : this.dropUnmappedTables);
    }

    private static <T> T pick(T first, T second) {
        return first != null ? first : second;
    }

    @Override
    public String toString() {
        // Never the password, nor a URL (it may carry one).
        return "Settings[url " + (this.url == null ? "unset" : "set") + ", locations " + this.locations
                + ", java packages " + this.javaPackages + "]";
    }
}
