package io.samokoder.migrations.autoconfigure;

import io.samokoder.migrations.MigrationConfigurationException;
import io.samokoder.migrations.MigrationListener;
import io.samokoder.migrations.Migrations;
import io.samokoder.migrations.MigrationsConfig;
import io.samokoder.migrations.dialect.Dialects;
import io.samokoder.migrations.java.JavaRevision;
import io.samokoder.migrations.ops.NamingConvention;
import io.samokoder.migrations.script.Placeholders;
import io.samokoder.migrations.script.ScriptResource;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.LazyInitializationExcludeFilter;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.AnyNestedCondition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.sql.init.dependency.DatabaseInitializationDependencyConfigurer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ResourceLoader;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.core.io.support.ResourcePatternUtils;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.util.StringUtils;

/**
 * Auto-configuration of Samokoder Migrations: the engine and the initializer that migrates the
 * database while the application starts.
 */
@AutoConfiguration(after = DataSourceAutoConfiguration.class,
        afterName = "org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration")
@ConditionalOnClass(Migrations.class)
@Conditional(MigrationsAutoConfiguration.MigrationsDataSourceCondition.class)
@ConditionalOnBooleanProperty(name = "samokoder.migrations.enabled", matchIfMissing = true)
@EnableConfigurationProperties(MigrationsProperties.class)
@Import({ DatabaseInitializationDependencyConfigurer.class, JavaRevisionsRegistrar.class })
public final class MigrationsAutoConfiguration {

    private static final Log logger = LogFactory.getLog(MigrationsAutoConfiguration.class);

    @Bean
    @ConditionalOnMissingBean(MigrationsConnectionDetails.class)
    PropertiesMigrationsConnectionDetails migrationsConnectionDetails(MigrationsProperties properties) {
        return new PropertiesMigrationsConnectionDetails(properties);
    }

    @Bean
    @ConditionalOnMissingBean
    Migrations migrations(MigrationsProperties properties, MigrationsConnectionDetails connectionDetails,
            @MigrationsDataSource ObjectProvider<DataSource> migrationsDataSource,
            ObjectProvider<DataSource> dataSource, ObjectProvider<JdbcConnectionDetails> jdbcConnectionDetails,
            ResourceLoader resourceLoader, ObjectProvider<MigrationListener> listeners,
            ObjectProvider<MigrationsConfigCustomizer> customizers, ObjectProvider<JavaRevision> javaRevisions,
            ObjectProvider<ScannedJavaRevisions> scannedJavaRevisions,
            ObjectProvider<DeferredProgress> deferredProgress, BeanFactory beanFactory) {
        DataSource target = migrationDataSource(connectionDetails, migrationsDataSource, dataSource,
                jdbcConnectionDetails);
        ResourcePatternResolver resolver = ResourcePatternUtils.getResourcePatternResolver(resourceLoader);
        List<ScriptResource> scripts = SpringScriptResources.resolve(resolver, properties.getLocations());
        List<ScriptResource> repeatables = SpringScriptResources.resolve(resolver,
                properties.getRepeatableLocations(), "samokoder.migrations.repeatable-locations",
                MigrationsConfig.REPEATABLE_LOCATIONS_CONVENTION);
        MigrationsConfig.Builder builder = MigrationsConfig.builder()
            .dataSource(target)
            .classLoader(resourceLoader.getClassLoader())
            .schema(properties.getSchema())
            .versionTable(properties.getVersionTable())
            .logTable(properties.getLogTable())
            .transactionMode(properties.getTransactionMode())
            .lockWaitTimeout(properties.getLockWaitTimeout())
            .lockTimeout(properties.getLockTimeout())
            .lockRetries(properties.getLockRetries())
            .statementTimeout(properties.getStatementTimeout())
            .deadHolderTimeout(properties.getDeadHolderTimeout())
            .checksumPolicy(properties.getValidateChecksums())
            .fastStart(properties.isFastStart())
            .listeners(listeners(listeners, deferredProgress.getIfAvailable()));
        // Offline scripts (--sql in command mode) are written for the database the URL names, without connecting.
        String url = knownUrl(connectionDetails, migrationsDataSource, jdbcConnectionDetails);
        if (url != null) {
            Dialects.forJdbcUrl(url).ifPresent(builder::offlineDialect);
        }
        if (StringUtils.hasText(properties.getDialect())) {
            builder.dialect(Dialects.forName(properties.getDialect())
                .orElseThrow(() -> new MigrationConfigurationException("samokoder.migrations.dialect '"
                        + properties.getDialect() + "' is not a known dialect; use one of " + Dialects.names()
                        + ", or leave it unset to detect it from the database")));
        }
        builder.retryPartial(properties.isRetryPartial());
        builder.allowNewerRevisions(properties.isAllowNewerRevisions());
        builder.connectRetries(properties.getConnectRetries());
        builder.connectRetriesInterval(properties.getConnectRetriesInterval());
        builder.placeholders(placeholders(properties));
        // The engine reads the resources found here, and lists no location of its own when there are none.
        builder.repeatableScripts(repeatables)
            .repeatableLocations(
                    repeatables.isEmpty() ? List.of() : engineLocations(properties.getRepeatableLocations()));
        List<JavaRevision> java = ScannedJavaRevisions.with(javaRevisions.orderedStream().toList(),
                scannedJavaRevisions.getIfAvailable(), beanFactory);
        builder.javaRevisions(java);
        if (!properties.getNamingConvention().isEmpty()) {
            // Kinds not given keep the default's template.
            builder.namingConvention(NamingConvention.DEFAULT.with(properties.getNamingConvention()));
        }
        if (scripts.isEmpty()) {
            if (java.isEmpty()) {
                logger.warn("No revision scripts (*.sql) found in " + properties.getLocations()
                        + " (samokoder.migrations.locations), and no Java revisions");
            }
            builder.locations(engineLocations(properties.getLocations()));
        }
        else {
            // The scripts are read from the resources; the locations still say where new ones go (command
            // mode's revision writes into a filesystem: location).
            builder.scripts(scripts).locations(engineLocations(properties.getLocations()));
        }
        customizers.orderedStream().forEach((customizer) -> customizer.customize(builder));
        return new Migrations(builder.build());
    }

    /** The placeholders' values; a name a placeholder cannot have is refused, naming the property. */
    private static Placeholders placeholders(MigrationsProperties properties) {
        if (!properties.isPlaceholderReplacement()) {
            return Placeholders.OFF;
        }
        try {
            return Placeholders.of(properties.getPlaceholders());
        }
        catch (IllegalArgumentException ex) {
            throw new MigrationConfigurationException("samokoder.migrations.placeholders: " + ex.getMessage());
        }
    }

    /** The application's listeners, in order, then the deferred run's progress, when there is one. */
    private static List<MigrationListener> listeners(ObjectProvider<MigrationListener> beans,
            @Nullable DeferredProgress deferredProgress) {
        List<MigrationListener> listeners = new ArrayList<>(beans.orderedStream().toList());
        if (deferredProgress != null) {
            listeners.add(deferredProgress.listener());
        }
        return listeners;
    }

    /** Records the deferred revisions' steps for the report while they run; not a listener bean of its own. */
    @Bean
    DeferredProgress migrationsDeferredProgress() {
        return new DeferredProgress();
    }

    @Bean
    @ConditionalOnMissingBean
    MigrationsInitializer migrationsInitializer(Migrations migrations, MigrationsProperties properties,
            ObjectProvider<MigrationsStrategy> strategy, ObjectProvider<RunObserver> observer,
            ObjectProvider<DeferredProgress> deferredProgress, BeanFactory beanFactory) {
        if (properties.isEnabled() && !properties.hasCommand()) {
            OtherMigrationTools.warnIfTheyMigrateToo(beanFactory);
        }
        if (!properties.isEnabled()) {
            // Only in an AOT-processed application: its build saw samokoder.migrations.enabled unset or true, so
            // these beans are in its context, and the property is false only now. Its meaning still holds.
            logger.info("samokoder.migrations.enabled is false: the database is not migrated at start-up (this"
                    + " AOT-processed application was built with it true; build it with the property false to leave"
                    + " Samokoder Migrations out)");
            return new MigrationsInitializer(migrations, null, MigrationsProperties.Mode.NONE, properties.getTarget(),
                    false, properties.getDeferred(), properties.getContract(),
                    observer.getIfAvailable(() -> RunObserver.NONE));
        }
        // In command mode the command replaces the start-up run (see MigrationsCommandAutoConfiguration).
        MigrationsStrategy chosen = properties.hasCommand() ? (engine) -> null : strategy.getIfAvailable();
        MigrationsInitializer initializer = new MigrationsInitializer(migrations, chosen, properties.getMode(),
                properties.getTarget(), properties.isAllowDowngrade(), properties.getDeferred(),
                properties.getContract(), observer.getIfAvailable(() -> RunObserver.NONE));
        initializer.setDeferredProgress(deferredProgress.getIfAvailable());
        return initializer;
    }

    /**
     * Runs the deferred revisions that start-up left, once the application is ready. Always there: each initializer
     * knows from the bound {@code samokoder.migrations.deferred} whether it runs them then (only after-ready), so
     * that every spelling Spring binds counts and an AOT-processed application reads it when it runs.
     */
    @Bean
    @ConditionalOnMissingBean(name = "deferredMigrationsRunner")
    static DeferredMigrationsRunner deferredMigrationsRunner(ObjectProvider<MigrationsInitializer> initializers) {
        return new DeferredMigrationsRunner(initializers);
    }

    /**
     * Keeps the initializer eager under {@code spring.main.lazy-initialization=true}: the database is migrated
     * while the application starts, not on the first request that happens to need it, and a failed revision
     * stops the start. Command mode, which makes beans lazy on purpose and runs no start-up migration, is left
     * alone.
     */
    @Bean
    static LazyInitializationExcludeFilter migrationsInitializerIsEager(Environment environment) {
        boolean commandMode = StringUtils.hasText(environment.getProperty("samokoder.migrations.command"));
        return commandMode ? (name, definition, type) -> false
                : LazyInitializationExcludeFilter.forBeanTypes(MigrationsInitializer.class);
    }

    @Bean
    @ConditionalOnMissingBean
    MigrationsSchemaManagementProvider migrationsSchemaManagementProvider(ObjectProvider<Migrations> migrations) {
        return new MigrationsSchemaManagementProvider(migrations);
    }

    /**
     * The DataSource of the builder, or, when its driver cannot be loaded, an error that names the
     * setting, the database and what to add (never the URL, which may carry a password).
     */
    private static DataSource withDriver(DataSourceBuilder<?> builder, String url, String setting) {
        try {
            return builder.build();
        }
        catch (IllegalArgumentException | IllegalStateException ex) {
            int colon = url.indexOf(':', "jdbc:".length());
            String scheme = url.startsWith("jdbc:") && colon > 0 ? url.substring(0, colon + 1) : "its";
            // The builder's message may quote the URL; then only its kind is told.
            String reason = ex.getMessage() == null || ex.getMessage().contains(url)
                    || ex.getMessage().contains("jdbc:")
                    ? ex.getClass().getSimpleName() : ex.getMessage();
            String supported = Dialects.forJdbcUrl(url).isPresent() ? ""
                    : " Samokoder Migrations supports " + Dialects.names() + " only.";
            MigrationConfigurationException missing = new MigrationConfigurationException("The " + scheme + " URL of "
                    + setting + " needs a JDBC driver that could not be loaded (" + reason + "). Add the database's"
                    + " JDBC driver to the application's dependencies (for jdbc:mariadb:"
                    + " org.mariadb.jdbc:mariadb-java-client, for jdbc:mysql: com.mysql:mysql-connector-j, for H2"
                    + " com.h2database:h2)." + supported);
            missing.initCause(ex);
            throw missing;
        }
    }

    /**
     * The DataSource to migrate: a {@link MigrationsDataSource @MigrationsDataSource} bean; else one
     * built from the connection details' URL; else the application's DataSource, with the user and
     * password of the connection details when they are set; else one built from the JDBC
     * connection details.
     */
    static DataSource migrationDataSource(MigrationsConnectionDetails details,
            ObjectProvider<DataSource> migrationsDataSource, ObjectProvider<DataSource> dataSource,
            ObjectProvider<JdbcConnectionDetails> jdbcConnectionDetails) {
        DataSource qualified = migrationsDataSource.getIfAvailable();
        if (qualified != null) {
            return qualified;
        }
        if (details.getJdbcUrl() != null) {
            // Opens a connection per use and holds no pool, so there is nothing to close afterwards.
            return withDriver(DataSourceBuilder.create()
                .type(SimpleDriverDataSource.class)
                .url(details.getJdbcUrl())
                .username(details.getUsername())
                .password(details.getPassword())
                .driverClassName(details.getDriverClassName()), details.getJdbcUrl(), "samokoder.migrations.url");
        }
        DataSource main = dataSource.getIfUnique();
        if (main != null && details.getUsername() != null) {
            return DataSourceBuilder.derivedFrom(main)
                .type(SimpleDriverDataSource.class)
                .username(details.getUsername())
                .password(details.getPassword())
                .build();
        }
        if (main != null) {
            return main;
        }
        JdbcConnectionDetails jdbc = jdbcConnectionDetails.getIfAvailable();
        if (jdbc != null && jdbc.getJdbcUrl() != null) {
            return withDriver(DataSourceBuilder.create()
                .type(SimpleDriverDataSource.class)
                .url(jdbc.getJdbcUrl())
                .username(jdbc.getUsername())
                .password(jdbc.getPassword())
                .driverClassName(jdbc.getDriverClassName()), jdbc.getJdbcUrl(), "the JDBC connection details");
        }
        throw new IllegalStateException("Migrations DataSource missing: there are several DataSource beans and none"
                + " is marked @Primary or @MigrationsDataSource; mark one, or set samokoder.migrations.url");
    }

    /**
     * The JDBC URL of the database to migrate where it is known without connecting: samokoder.migrations.url,
     * else the application's JDBC connection details; {@code null} for a {@link MigrationsDataSource} bean.
     */
    static @Nullable String knownUrl(MigrationsConnectionDetails details,
            ObjectProvider<DataSource> migrationsDataSource,
            ObjectProvider<JdbcConnectionDetails> jdbcConnectionDetails) {
        if (migrationsDataSource.getIfAvailable() != null) {
            return null;
        }
        if (details.getJdbcUrl() != null) {
            return details.getJdbcUrl();
        }
        JdbcConnectionDetails jdbc = jdbcConnectionDetails.getIfAvailable();
        return jdbc == null ? null : jdbc.getJdbcUrl();
    }

    /** Spring locations in the engine's own form, for when Spring found no script at all. */
    static List<String> engineLocations(List<String> locations) {
        List<String> result = new ArrayList<>();
        for (String location : locations) {
            String normalized = SpringScriptResources.normalize(location);
            if (normalized.startsWith("classpath*:")) {
                result.add("classpath:" + normalized.substring("classpath*:".length()));
            }
            else if (normalized.startsWith("file:")) {
                result.add("filesystem:" + normalized.substring("file:".length()));
            }
            else if (normalized.startsWith("classpath:")) {
                result.add(normalized);
            }
        }
        return result;
    }

    /** Active when there is something to migrate. */
    static final class MigrationsDataSourceCondition extends AnyNestedCondition {

        MigrationsDataSourceCondition() {
            super(ConfigurationPhase.REGISTER_BEAN);
        }

        @ConditionalOnBean(DataSource.class)
        private static final class DataSourceBeanCondition {
        }

        @ConditionalOnBean(JdbcConnectionDetails.class)
        private static final class JdbcConnectionDetailsCondition {
        }

        @ConditionalOnProperty("samokoder.migrations.url")
        private static final class MigrationsUrlCondition {
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "io.micrometer.observation.ObservationRegistry")
    static class ObservationConfiguration {

        @Bean
        @ConditionalOnMissingBean
        MigrationsObservations migrationsObservations(
                ObjectProvider<io.micrometer.observation.ObservationRegistry> registry) {
            return new MigrationsObservations(registry);
        }
    }
}
