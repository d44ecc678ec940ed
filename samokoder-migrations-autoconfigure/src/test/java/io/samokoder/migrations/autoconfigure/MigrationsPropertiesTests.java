package io.samokoder.migrations.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import io.samokoder.migrations.MigrationsConfig;
import java.beans.Introspector;
import java.beans.PropertyDescriptor;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class MigrationsPropertiesTests {

    @Test
    void defaultValuesAreConsistentWithTheEngine() {
        MigrationsProperties properties = new MigrationsProperties();
        assertThat(properties.getLocations()).isEqualTo(MigrationsConfig.DEFAULT_LOCATIONS);
        assertThat(properties.getVersionTable()).isEqualTo(MigrationsConfig.DEFAULT_VERSION_TABLE);
        assertThat(properties.getLogTable()).isEqualTo(MigrationsConfig.DEFAULT_LOG_TABLE);
        assertThat(properties.getTransactionMode()).isEqualTo(MigrationsConfig.DEFAULT_TRANSACTION_MODE);
        assertThat(properties.getLockWaitTimeout()).isEqualTo(MigrationsConfig.DEFAULT_LOCK_WAIT_TIMEOUT);
        assertThat(properties.getLockTimeout()).isEqualTo(MigrationsConfig.DEFAULT_LOCK_TIMEOUT);
        assertThat(properties.getLockRetries()).isEqualTo(MigrationsConfig.DEFAULT_LOCK_RETRIES);
        assertThat(properties.getStatementTimeout()).isEqualTo(MigrationsConfig.DEFAULT_STATEMENT_TIMEOUT);
        assertThat(properties.getValidateChecksums()).isEqualTo(MigrationsConfig.DEFAULT_CHECKSUM_POLICY);
        assertThat(properties.getSchema()).isNull();
    }

    @Test
    void defaultValuesAreConsistentWithABuiltEngineConfiguration() {
        MigrationsProperties properties = new MigrationsProperties();
        MigrationsConfig config = MigrationsConfig.builder().build();
        assertThat(properties.getLocations()).isEqualTo(config.locations());
        assertThat(properties.getSchema()).isEqualTo(config.schema());
        assertThat(properties.getVersionTable()).isEqualTo(config.versionTable());
        assertThat(properties.getLogTable()).isEqualTo(config.logTable());
        assertThat(properties.getTransactionMode()).isEqualTo(config.transactionMode());
        assertThat(properties.getLockWaitTimeout()).isEqualTo(config.lockWaitTimeout());
        assertThat(properties.getLockTimeout()).isEqualTo(config.lockTimeout());
        assertThat(properties.getLockRetries()).isEqualTo(config.lockRetries());
        assertThat(properties.getStatementTimeout()).isEqualTo(config.statementTimeout());
        assertThat(properties.getDeadHolderTimeout()).isEqualTo(config.deadHolderTimeout());
        assertThat(properties.getValidateChecksums()).isEqualTo(config.checksumPolicy());
        assertThat(properties.isFastStart()).isEqualTo(config.fastStart());
        assertThat(properties.isRetryPartial()).isEqualTo(config.retryPartial());
        assertThat(properties.isAllowNewerRevisions()).isEqualTo(config.allowNewerRevisions());
        assertThat(properties.getConnectRetries()).isEqualTo(config.connectRetries());
        assertThat(properties.getConnectRetriesInterval()).isEqualTo(config.connectRetriesInterval());
        assertThat(properties.getDialect()).isNull();
        assertThat(config.dialect()).isEmpty();
        assertThat(properties.getJavaPackages()).isEmpty();
        assertThat(properties.getNamingConvention()).isEmpty();
        assertThat(properties.getPlaceholders()).isEmpty();
        assertThat(properties.isPlaceholderReplacement()).isTrue();
        assertThat(properties.getRepeatableLocations()).isEqualTo(MigrationsConfig.REPEATABLE_LOCATIONS_CONVENTION);
        // The engine lists no class path for them unless given: the starter passes what Spring found.
        assertThat(config.repeatableLocations()).isEmpty();
    }

    @Test
    void startupDefaults() {
        MigrationsProperties properties = new MigrationsProperties();
        assertThat(properties.isEnabled()).isTrue();
        assertThat(properties.getTarget()).isEqualTo("heads");
        assertThat(properties.isAllowDowngrade()).isFalse();
        assertThat(properties.getMode()).isEqualTo(MigrationsProperties.Mode.UPGRADE);
        assertThat(properties.getDeferred()).isEqualTo(MigrationsProperties.Deferred.AFTER_READY);
        assertThat(properties.getContract()).isEqualTo(MigrationsProperties.Contract.HOLD);
        assertThat(properties.getUrl()).isNull();
        assertThat(properties.getUser()).isNull();
        assertThat(properties.getPassword()).isNull();
    }

    @Test
    void expectedPropertiesAreManaged() throws Exception {
        Set<String> names = Arrays.stream(Introspector.getBeanInfo(MigrationsProperties.class, Object.class)
            .getPropertyDescriptors()).map(PropertyDescriptor::getName).collect(Collectors.toSet());
        assertThat(names).containsExactlyInAnyOrder("enabled", "locations", "repeatableLocations", "target",
                "allowDowngrade", "mode", "url",
                "user", "password", "schema", "versionTable", "logTable", "transactionMode", "lockWaitTimeout",
                "lockTimeout", "lockRetries", "statementTimeout", "deadHolderTimeout", "validateChecksums", "fastStart",
                "command", "dialect", "retryPartial", "allowNewerRevisions", "connectRetries", "connectRetriesInterval",
                "javaPackages", "namingConvention", "autogenerate", "deferred", "contract",
                "placeholders", "placeholderReplacement");
    }

    @Test
    void theComparisonDefaultsAreTheCommandLines() {
        AutogenerateProperties autogenerate = new MigrationsProperties().getAutogenerate();
        io.samokoder.migrations.cli.command.AutogenerateSettings defaults =
                io.samokoder.migrations.cli.command.AutogenerateSettings.DEFAULTS;
        assertThat(autogenerate.getExcludeTables()).isEqualTo(defaults.excludeTables());
        assertThat(autogenerate.isCompareServerDefaults()).isEqualTo(defaults.compareServerDefaults());
        assertThat(autogenerate.isDropUnmappedTables()).isEqualTo(defaults.dropUnmappedTables());
    }

    @Test
    void toStringShowsNoCredentials() {
        MigrationsProperties properties = new MigrationsProperties();
        properties.setUrl("jdbc:postgresql://db.internal/app");
        properties.setUser("owner");
        properties.setPassword("s3cret");
        assertThat(properties.toString()).doesNotContain("db.internal", "owner", "s3cret");
    }
}
