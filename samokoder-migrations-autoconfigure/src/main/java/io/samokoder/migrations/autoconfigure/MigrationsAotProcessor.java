package io.samokoder.migrations.autoconfigure;

import io.samokoder.migrations.java.JavaRevision;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.beans.factory.aot.BeanFactoryInitializationAotContribution;
import org.springframework.beans.factory.aot.BeanFactoryInitializationAotProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.util.ClassUtils;

/**
 * The runtime hints of a native image, decided while Spring AOT processes the application: the
 * revision scripts of every class path location of {@code samokoder.migrations.locations} and the repeatable
 * scripts of {@code samokoder.migrations.repeatable-locations}, and
 * reflection on the class of every Java revision bean (scanned ones included), whose
 * {@code @Revision} annotation is read when it is loaded.
 */
final class MigrationsAotProcessor implements BeanFactoryInitializationAotProcessor {

    static final String LOCATIONS = "samokoder.migrations.locations";

    static final String REPEATABLE_LOCATIONS = "samokoder.migrations.repeatable-locations";

    @Override
    public @Nullable BeanFactoryInitializationAotContribution processAheadOfTime(
            ConfigurableListableBeanFactory beanFactory) {
        if (beanFactory.getBeanNamesForType(MigrationsAutoConfiguration.class, false, false).length == 0) {
            return null;
        }
        Environment environment = beanFactory.getBean(ConfigurableApplicationContext.ENVIRONMENT_BEAN_NAME,
                Environment.class);
        List<String> locations = Binder.get(environment).bind(LOCATIONS, Bindable.listOf(String.class))
            .orElseGet(() -> new MigrationsProperties().getLocations());
        List<String> all = new ArrayList<>(locations);
        all.addAll(Binder.get(environment).bind(REPEATABLE_LOCATIONS, Bindable.listOf(String.class))
            .orElseGet(() -> new MigrationsProperties().getRepeatableLocations()));
        Set<Class<?>> revisions = new LinkedHashSet<>();
        for (String name : beanFactory.getBeanNamesForType(JavaRevision.class, true, false)) {
            Class<?> type = beanFactory.getType(name, false);
            if (type != null) {
                revisions.add(ClassUtils.getUserClass(type));
            }
        }
        return (generationContext, code) -> registerHints(generationContext.getRuntimeHints(), all, revisions);
    }

    static void registerHints(RuntimeHints hints, List<String> locations, Set<Class<?>> revisions) {
        for (String pattern : scriptPatterns(locations)) {
            hints.resources().registerPattern(pattern);
        }
        for (Class<?> revision : revisions) {
            hints.reflection().registerType(revision);
        }
    }

    /** The resource pattern of the scripts of each class path location; other locations have none. */
    static List<String> scriptPatterns(List<String> locations) {
        List<String> patterns = new ArrayList<>();
        for (String location : locations) {
            String normalized = SpringScriptResources.normalize(location);
            String path;
            if (normalized.startsWith("classpath*:")) {
                path = normalized.substring("classpath*:".length());
            }
            else if (normalized.startsWith("classpath:")) {
                path = normalized.substring("classpath:".length());
            }
            else {
                continue;
            }
            while (path.startsWith("/")) {
                path = path.substring(1);
            }
            patterns.add(path.isEmpty() ? "*.sql" : path + "/*.sql");
        }
        return patterns;
    }
}
