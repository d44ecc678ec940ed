package io.samokoder.migrations.autoconfigure;

import io.samokoder.migrations.MigrationConfigurationException;
import io.samokoder.migrations.java.JavaRevision;
import io.samokoder.migrations.java.Revision;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.beans.factory.config.AutowireCapableBeanFactory;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.io.ResourceLoader;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.util.ClassUtils;

/**
 * Finds the Java revisions of an application: the {@link JavaRevision} beans, and the classes
 * annotated with {@link Revision} in the packages of {@code samokoder.migrations.java-packages}
 * (sub-packages included), which are created through the bean factory so that their constructors
 * can take beans. A class that is also a bean is used once, as the bean.
 */
final class JavaRevisionScanner {

    private JavaRevisionScanner() {
    }

    static List<JavaRevision> find(List<JavaRevision> beans, List<String> packages, ResourceLoader resourceLoader,
            AutowireCapableBeanFactory beanFactory) {
        List<JavaRevision> revisions = new ArrayList<>(beans);
        if (packages.isEmpty()) {
            return revisions;
        }
        Set<Class<?>> seen = new LinkedHashSet<>();
        for (JavaRevision bean : beans) {
            seen.add(ClassUtils.getUserClass(bean));
        }
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.setResourceLoader(resourceLoader);
        scanner.addIncludeFilter(new AnnotationTypeFilter(Revision.class, false));
        ClassLoader classLoader = resourceLoader.getClassLoader();
        for (String pkg : packages) {
            String name = pkg.strip();
            if (name.isEmpty()) {
                throw new MigrationConfigurationException("samokoder.migrations.java-packages contains an empty entry;"
                        + " remove it or name a package, e.g. com.example.db.migrations");
            }
            List<BeanDefinition> found = new ArrayList<>(scanner.findCandidateComponents(name));
            found.sort((a, b) -> a.getBeanClassName().compareTo(b.getBeanClassName()));
            for (BeanDefinition definition : found) {
                Class<?> type = ClassUtils.resolveClassName(definition.getBeanClassName(), classLoader);
                if (!seen.add(type)) {
                    continue;
                }
                if (!JavaRevision.class.isAssignableFrom(type)) {
                    throw new MigrationConfigurationException("Class " + type.getName() + " in package " + name
                            + " (samokoder.migrations.java-packages) is annotated @Revision but does not implement"
                            + " io.samokoder.migrations.java.JavaRevision; implement it, or remove the annotation");
                }
                revisions.add((JavaRevision) beanFactory.createBean(type));
            }
        }
        return revisions;
    }
}
