package io.samokoder.migrations.autoconfigure;

import io.micrometer.core.instrument.MeterRegistry;
import io.samokoder.migrations.Migrations;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration of the Micrometer metrics of migrations, through a {@code MeterBinder} so that
 * they work with any registry and bind after migrations ran.
 */
@AutoConfiguration(after = MigrationsAutoConfiguration.class)
@ConditionalOnClass({ Migrations.class, MeterRegistry.class })
@ConditionalOnBean(MigrationsInitializer.class)
public final class MigrationsMetricsAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    MigrationsMetrics migrationsMetrics(ListableBeanFactory beanFactory) {
        return new MigrationsMetrics(beanFactory.getBeansOfType(MigrationsInitializer.class, false, false));
    }
}
