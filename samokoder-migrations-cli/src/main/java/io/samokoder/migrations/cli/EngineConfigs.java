package io.samokoder.migrations.cli;

import io.samokoder.migrations.MigrationConfigurationException;
import io.samokoder.migrations.MigrationsConfig;
import io.samokoder.migrations.dialect.Dialects;
import io.samokoder.migrations.ops.NamingConvention;
import io.samokoder.migrations.script.Placeholders;
import java.io.Console;
import java.util.List;

/** The engine configuration of one run's resolved settings. */
final class EngineConfigs {

    private EngineConfigs() {
    }

    /**
     * The configuration; the Java revisions of the settings' packages are found (and created) here.
     *
     * @param console asks for a missing password, if not {@code null}
     * @param classPath where the Java revisions' classes come from, or {@code null} for the command
     *     line's own class path
     */
    static MigrationsConfig of(Settings s, List<String> scriptLocations, Console console, JavaClassPath classPath) {
        return of(s, scriptLocations, s.repeatableLocations() == null ? List.of() : s.repeatableLocations(), console,
                classPath);
    }

    /** {@link #of(Settings, List, Console, JavaClassPath)} with the repeatable scripts' locations resolved. */
    static MigrationsConfig of(Settings s, List<String> scriptLocations, List<String> repeatableLocations,
            Console console, JavaClassPath classPath) {
        MigrationsConfig.Builder builder = MigrationsConfig.builder().locations(scriptLocations)
                .repeatableLocations(repeatableLocations);
        if (s.url() != null) {
            builder.dataSource(new CliDataSource(s.url(), s.user(), s.password(), console,
                    classPath == null ? null : classPath.loader()));
            // The URL names the database, so --sql writes that database's SQL without connecting; online, the
            // connection's metadata says (MySQL Connector/J's jdbc:mysql: URL may reach a MariaDB server).
            Dialects.forJdbcUrl(s.url()).ifPresent(builder::offlineDialect);
        }
        if (s.dialect() != null && !s.dialect().isBlank()) {
            builder.dialect(Dialects.forName(s.dialect().strip()).orElseThrow(() -> new MigrationConfigurationException(
                    "samokoder.migrations.dialect '" + s.dialect() + "' is not a known dialect; use one of "
                            + Dialects.names() + ", or leave it unset to take it from the URL")));
        }
        if (s.schema() != null) {
            builder.schema(s.schema());
        }
        if (s.versionTable() != null) {
            builder.versionTable(s.versionTable());
        }
        if (s.logTable() != null) {
            builder.logTable(s.logTable());
        }
        if (s.transactionMode() != null) {
            builder.transactionMode(s.transactionMode());
        }
        if (s.lockWaitTimeout() != null) {
            builder.lockWaitTimeout(s.lockWaitTimeout());
        }
        if (s.lockTimeout() != null) {
            builder.lockTimeout(s.lockTimeout());
        }
        if (s.lockRetries() != null) {
            builder.lockRetries(s.lockRetries());
        }
        if (s.statementTimeout() != null) {
            builder.statementTimeout(s.statementTimeout());
        }
        if (s.deadHolderTimeout() != null) {
            builder.deadHolderTimeout(s.deadHolderTimeout());
        }
        if (s.checksumPolicy() != null) {
            builder.checksumPolicy(s.checksumPolicy());
        }
        if (s.retryPartial() != null) {
            builder.retryPartial(s.retryPartial());
        }
        if (s.connectRetries() != null) {
            builder.connectRetries(s.connectRetries());
        }
        if (s.connectRetriesInterval() != null) {
            builder.connectRetriesInterval(s.connectRetriesInterval());
        }
        if (s.allowNewerRevisions() != null) {
            builder.allowNewerRevisions(s.allowNewerRevisions());
        }
        if (Boolean.FALSE.equals(s.placeholderReplacement())) {
            builder.placeholders(Placeholders.OFF);
        } else if (s.placeholders() != null && !s.placeholders().isEmpty()) {
            try {
                builder.placeholders(Placeholders.of(s.placeholders()));
            } catch (IllegalArgumentException e) {
                throw new CliUsageException("--placeholder / samokoder.migrations.placeholders: " + e.getMessage());
            }
        }
        if (s.namingConvention() != null && !s.namingConvention().isEmpty()) {
            // As the starter reads it, so that a Java revision renders the same names here as in the application.
            builder.namingConvention(NamingConvention.DEFAULT.with(s.namingConvention()));
        }
        if (classPath != null) {
            // classpath: locations are read from the same class path as the Java revisions.
            builder.classLoader(classPath.loader());
        }
        if (s.javaPackages() != null && !s.javaPackages().isEmpty()) {
            builder.javaRevisions(JavaRevisionScan.find(s.javaPackages(),
                    classPath == null ? JavaClassPath.own() : classPath));
        }
        // Commands that only read the map need no fingerprint of the scripts; runs get the setting back
        // (Workspace.runner).
        return builder.fastStart(false).build();
    }
}
