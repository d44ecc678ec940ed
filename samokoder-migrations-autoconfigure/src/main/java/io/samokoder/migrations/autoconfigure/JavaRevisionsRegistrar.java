package io.samokoder.migrations.autoconfigure;

import io.samokoder.migrations.MigrationConfigurationException;
import io.samokoder.migrations.java.JavaRevision;
import io.samokoder.migrations.java.JavaRevisions;
import io.samokoder.migrations.java.Revision;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.context.annotation.ImportBeanDefinitionRegistrar;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ResourceLoader;
import org.springframework.core.type.AnnotationMetadata;
import org.springframework.core.type.ClassMetadata;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.util.ClassUtils;

/**
 * Scans the packages of {@code samokoder.migrations.java-packages} (sub-packages included) for classes
 * annotated with {@link Revision} while the bean definitions are registered, and registers one bean
 * definition per class (lazy, no autowire candidate, so a constructor may take beans) and a
 * {@link ScannedJavaRevisions} naming them in load order. Spring AOT turns these definitions into
 * generated code, so a native image runs no class-path scan.
 */
final class JavaRevisionsRegistrar implements ImportBeanDefinitionRegistrar {

    static final String PROPERTY = "samokoder.migrations.java-packages";

    private static final Log logger = LogFactory.getLog(JavaRevisionsRegistrar.class);

    private final Environment environment;

    private final ResourceLoader resourceLoader;

    JavaRevisionsRegistrar(Environment environment, ResourceLoader resourceLoader) {
        this.environment = environment;
        this.resourceLoader = resourceLoader;
    }

    @Override
    public void registerBeanDefinitions(AnnotationMetadata metadata, BeanDefinitionRegistry registry) {
        List<String> packages = Binder.get(this.environment).bind(PROPERTY, Bindable.listOf(String.class))
            .orElse(List.of());
        if (packages.isEmpty()) {
            return;
        }
        List<String> names = new ArrayList<>();
        for (Class<?> type : scan(packages)) {
            String name = type.getName();
            // A bean of this name is the class imported by the application: it is a bean already.
            if (!registry.containsBeanDefinition(name)) {
                RootBeanDefinition definition = new RootBeanDefinition(type);
                definition.setLazyInit(true);
                definition.setAutowireCandidate(false);
                registry.registerBeanDefinition(name, definition);
                names.add(name);
            }
        }
        RootBeanDefinition scanned = new RootBeanDefinition(ScannedJavaRevisions.class);
        scanned.getConstructorArgumentValues().addIndexedArgumentValue(0, names.toArray(String[]::new));
        scanned.setRole(BeanDefinition.ROLE_INFRASTRUCTURE);
        registry.registerBeanDefinition(ScannedJavaRevisions.BEAN_NAME, scanned);
    }

    /**
     * The annotated classes, by package in the given order, by class name within a package, each once. An
     * annotated class that cannot be created on its own (abstract, an interface, an inner class) is left out,
     * with a warning that names it.
     */
    private Set<Class<?>> scan(List<String> packages) {
        List<ClassMetadata> leftOut = new ArrayList<>();
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false,
                this.environment) {

            @Override
            protected boolean isCandidateComponent(AnnotatedBeanDefinition definition) {
                if (super.isCandidateComponent(definition)) {
                    return true;
                }
                leftOut.add(definition.getMetadata());
                return false;
            }
        };
        scanner.setResourceLoader(this.resourceLoader);
        scanner.addIncludeFilter(new AnnotationTypeFilter(Revision.class, false));
        ClassLoader classLoader = this.resourceLoader.getClassLoader();
        Set<Class<?>> types = new LinkedHashSet<>();
        Set<String> warned = new HashSet<>();
        for (String pkg : packages) {
            String name = JavaRevisions.checkPackage(pkg, PROPERTY);
            leftOut.clear();
            List<BeanDefinition> found = new ArrayList<>(scanner.findCandidateComponents(name));
            leftOut.sort(Comparator.comparing(ClassMetadata::getClassName));
            for (ClassMetadata type : leftOut) {
                if (warned.add(type.getClassName())) {
                    logger.warn(JavaRevisions.leftOutWarning(type.getClassName(), name, PROPERTY, type.isInterface(),
                            type.isAbstract(), !type.isIndependent()));
                }
            }
            if (found.isEmpty() && leftOut.isEmpty()) {
                // Allowed (a package may hold its revisions later), but a misspelt package would go unnoticed.
                logger.warn("Package " + name + " (" + PROPERTY + ") has no class annotated @Revision; it adds no"
                        + " Java revisions");
            }
            found.sort((a, b) -> a.getBeanClassName().compareTo(b.getBeanClassName()));
            for (BeanDefinition definition : found) {
                Class<?> type = ClassUtils.resolveClassName(definition.getBeanClassName(), classLoader);
                if (!JavaRevision.class.isAssignableFrom(type)) {
                    throw new MigrationConfigurationException("Class " + type.getName() + " in package " + name
                            + " (" + PROPERTY + ") is annotated @Revision but does not implement"
                            + " io.samokoder.migrations.java.JavaRevision; implement it, or remove the annotation");
                }
                types.add(type);
            }
        }
        return types;
    }
}
