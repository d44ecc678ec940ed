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
 * default). Built by name with {@link #builder()}.
 */
record Settings(String url, String user, String password, List<String> locations, String schema,
        String versionTable, String logTable, String fileTemplate, TransactionMode transactionMode,
        Duration lockWaitTimeout, Duration lockTimeout, Integer lockRetries, Duration statementTimeout,
        ChecksumPolicy checksumPolicy, Boolean fastStart, List<String> excludeTables, Boolean compareServerDefaults,
        Boolean dropUnmappedTables, List<String> javaPackages, Map<String, String> namingConvention,
        Boolean retryPartial, String dialect, Duration deadHolderTimeout, Map<String, String> placeholders,
        Boolean placeholderReplacement, List<String> repeatableLocations, Integer connectRetries,
        Duration connectRetriesInterval, Boolean allowNewerRevisions) {

    /** Nothing set. */
    static final Settings NONE = builder().build();

    /** A builder with nothing set. */
    static Builder builder() {
        return new Builder();
    }

    /** These settings where set, else the other's. */
    Settings or(Settings other) {
        return builder().url(pick(this.url, other.url)).user(pick(this.user, other.user))
                .password(pick(this.password, other.password)).locations(pick(this.locations, other.locations))
                .schema(pick(this.schema, other.schema)).versionTable(pick(this.versionTable, other.versionTable))
                .logTable(pick(this.logTable, other.logTable))
                .fileTemplate(pick(this.fileTemplate, other.fileTemplate))
                .transactionMode(pick(this.transactionMode, other.transactionMode))
                .lockWaitTimeout(pick(this.lockWaitTimeout, other.lockWaitTimeout))
                .lockTimeout(pick(this.lockTimeout, other.lockTimeout))
                .lockRetries(pick(this.lockRetries, other.lockRetries))
                .statementTimeout(pick(this.statementTimeout, other.statementTimeout))
                .checksumPolicy(pick(this.checksumPolicy, other.checksumPolicy))
                .fastStart(pick(this.fastStart, other.fastStart))
                .excludeTables(pick(this.excludeTables, other.excludeTables))
                .compareServerDefaults(pick(this.compareServerDefaults, other.compareServerDefaults))
                .dropUnmappedTables(pick(this.dropUnmappedTables, other.dropUnmappedTables))
                .javaPackages(pick(this.javaPackages, other.javaPackages))
                .namingConvention(pick(this.namingConvention, other.namingConvention))
                .retryPartial(pick(this.retryPartial, other.retryPartial))
                .dialect(pick(this.dialect, other.dialect))
                .deadHolderTimeout(pick(this.deadHolderTimeout, other.deadHolderTimeout))
                .placeholders(merge(this.placeholders, other.placeholders))
                .placeholderReplacement(pick(this.placeholderReplacement, other.placeholderReplacement))
                .repeatableLocations(pick(this.repeatableLocations, other.repeatableLocations))
                .connectRetries(pick(this.connectRetries, other.connectRetries))
                .connectRetriesInterval(pick(this.connectRetriesInterval, other.connectRetriesInterval))
                .allowNewerRevisions(pick(this.allowNewerRevisions, other.allowNewerRevisions))
                .build();
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

    /** Settings by name; whatever is not given stays {@code null} (not set). */
    static final class Builder {

        private String url;
        private String user;
        private String password;
        private List<String> locations;
        private String schema;
        private String versionTable;
        private String logTable;
        private String fileTemplate;
        private TransactionMode transactionMode;
        private Duration lockWaitTimeout;
        private Duration lockTimeout;
        private Integer lockRetries;
        private Duration statementTimeout;
        private ChecksumPolicy checksumPolicy;
        private Boolean fastStart;
        private List<String> excludeTables;
        private Boolean compareServerDefaults;
        private Boolean dropUnmappedTables;
        private List<String> javaPackages;
        private Map<String, String> namingConvention;
        private Boolean retryPartial;
        private String dialect;
        private Duration deadHolderTimeout;
        private Map<String, String> placeholders;
        private Boolean placeholderReplacement;
        private List<String> repeatableLocations;
        private Integer connectRetries;
        private Duration connectRetriesInterval;
        private Boolean allowNewerRevisions;

        private Builder() {
        }

        Builder url(String value) {
            this.url = value;
            return this;
        }

        Builder user(String value) {
            this.user = value;
            return this;
        }

        Builder password(String value) {
            this.password = value;
            return this;
        }

        Builder locations(List<String> value) {
            this.locations = value;
            return this;
        }

        Builder schema(String value) {
            this.schema = value;
            return this;
        }

        Builder versionTable(String value) {
            this.versionTable = value;
            return this;
        }

        Builder logTable(String value) {
            this.logTable = value;
            return this;
        }

        Builder fileTemplate(String value) {
            this.fileTemplate = value;
            return this;
        }

        Builder transactionMode(TransactionMode value) {
            this.transactionMode = value;
            return this;
        }

        Builder lockWaitTimeout(Duration value) {
            this.lockWaitTimeout = value;
            return this;
        }

        Builder lockTimeout(Duration value) {
            this.lockTimeout = value;
            return this;
        }

        Builder lockRetries(Integer value) {
            this.lockRetries = value;
            return this;
        }

        Builder statementTimeout(Duration value) {
            this.statementTimeout = value;
            return this;
        }

        Builder checksumPolicy(ChecksumPolicy value) {
            this.checksumPolicy = value;
            return this;
        }

        Builder fastStart(Boolean value) {
            this.fastStart = value;
            return this;
        }

        Builder excludeTables(List<String> value) {
            this.excludeTables = value;
            return this;
        }

        Builder compareServerDefaults(Boolean value) {
            this.compareServerDefaults = value;
            return this;
        }

        Builder dropUnmappedTables(Boolean value) {
            this.dropUnmappedTables = value;
            return this;
        }

        Builder javaPackages(List<String> value) {
            this.javaPackages = value;
            return this;
        }

        Builder namingConvention(Map<String, String> value) {
            this.namingConvention = value;
            return this;
        }

        Builder retryPartial(Boolean value) {
            this.retryPartial = value;
            return this;
        }

        Builder dialect(String value) {
            this.dialect = value;
            return this;
        }

        Builder deadHolderTimeout(Duration value) {
            this.deadHolderTimeout = value;
            return this;
        }

        Builder placeholders(Map<String, String> value) {
            this.placeholders = value;
            return this;
        }

        Builder placeholderReplacement(Boolean value) {
            this.placeholderReplacement = value;
            return this;
        }

        Builder repeatableLocations(List<String> value) {
            this.repeatableLocations = value;
            return this;
        }

        Builder connectRetries(Integer value) {
            this.connectRetries = value;
            return this;
        }

        Builder connectRetriesInterval(Duration value) {
            this.connectRetriesInterval = value;
            return this;
        }

        Builder allowNewerRevisions(Boolean value) {
            this.allowNewerRevisions = value;
            return this;
        }

        Settings build() {
            return new Settings(this.url, this.user, this.password, this.locations, this.schema, this.versionTable,
                    this.logTable, this.fileTemplate, this.transactionMode, this.lockWaitTimeout, this.lockTimeout,
                    this.lockRetries, this.statementTimeout, this.checksumPolicy, this.fastStart, this.excludeTables,
                    this.compareServerDefaults, this.dropUnmappedTables, this.javaPackages, this.namingConvention,
                    this.retryPartial, this.dialect, this.deadHolderTimeout, this.placeholders,
                    this.placeholderReplacement, this.repeatableLocations, this.connectRetries,
                    this.connectRetriesInterval, this.allowNewerRevisions);
        }
    }
}
