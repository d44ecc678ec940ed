package io.samokoder.migrations.autoconfigure;

import io.samokoder.migrations.java.JavaRevision;
import io.samokoder.migrations.java.JavaRevisionException;
import java.lang.reflect.Constructor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.BeanInstantiationException;
import org.springframework.beans.BeansException;
import org.springframework.beans.factory.BeanCreationException;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.InjectionPoint;
import org.springframework.beans.factory.NoSuchBeanDefinitionException;
import org.springframework.beans.factory.NoUniqueBeanDefinitionException;
import org.springframework.beans.factory.UnsatisfiedDependencyException;
import org.springframework.core.MethodParameter;
import org.springframework.util.ClassUtils;

/**
 * The bean names of the Java revisions found in {@code samokoder.migrations.java-packages}, in load
 * order, as {@link JavaRevisionsRegistrar} registered them.
 */
final class ScannedJavaRevisions {

    static final String BEAN_NAME = "samokoder.migrations.scannedJavaRevisions";

    private static final String FOUND = "found through " + JavaRevisionsRegistrar.PROPERTY
            + ", it is created as a Spring bean";

    private final String[] beanNames;

    ScannedJavaRevisions(String[] beanNames) {
        this.beanNames = beanNames.clone();
    }

    /**
     * The Java revisions to load: the beans first, then the scanned classes in load order; a class
     * that is also a bean is used once, as the bean.
     *
     * @throws JavaRevisionException naming the class when a scanned class cannot be created: a constructor
     *     parameter that no bean matches, several constructors to choose from, or a constructor that failed
     */
    static List<JavaRevision> with(List<JavaRevision> beans, @Nullable ScannedJavaRevisions scanned,
            BeanFactory beanFactory) {
        List<JavaRevision> revisions = new ArrayList<>(beans);
        if (scanned == null) {
            return revisions;
        }
        Set<Class<?>> seen = new LinkedHashSet<>();
        for (JavaRevision bean : beans) {
            seen.add(ClassUtils.getUserClass(bean));
        }
        for (String name : scanned.beanNames) {
            Class<?> type = beanFactory.getType(name);
            if (type != null && seen.add(ClassUtils.getUserClass(type))) {
                try {
                    revisions.add(beanFactory.getBean(name, JavaRevision.class));
                } catch (BeanCreationException ex) {
                    throw explained(name, type, ex);
                }
            }
        }
        return revisions;
    }

    /**
     * A failure to create the scanned revision itself, explained; anything else (a cycle, a bean it takes
     * that failed, several beans matching a parameter) as Spring reported it, for its own analysis.
     */
    private static RuntimeException explained(String name, Class<?> scannedType, BeanCreationException ex) {
        Class<?> type = ClassUtils.getUserClass(scannedType);
        if (!name.equals(ex.getBeanName())) {
            return ex;
        }
        if (ex instanceof UnsatisfiedDependencyException unsatisfied
                && ex.getCause() instanceof NoSuchBeanDefinitionException
                && !(ex.getCause() instanceof NoUniqueBeanDefinitionException)
                // A constructor's parameter: an @Autowired field or method is left to Spring's message, which
                // names it.
                && constructorParameter(unsatisfied.getInjectionPoint())) {
            return new JavaRevisionException(type.getName(), FOUND + ", its constructor's parameters injected, but"
                    + " no bean matches " + parameter(unsatisfied.getInjectionPoint()) + ". Give the class a"
                    + " constructor without arguments, take only beans in its constructor (and properties through"
                    + " @Value(\"${...}\")), or declare it as a @Bean of your own that passes the values (the class is"
                    + " then used once, as that bean)", null);
        }
        if (ex.getCause() instanceof BeanInstantiationException instantiation && instantiation.getBeanClass() == type) {
            Throwable cause = instantiation.getCause();
            if (instantiation.getConstructor() == null && cause instanceof NoSuchMethodException) {
                return new JavaRevisionException(type.getName(), FOUND + ", but Spring cannot choose among its"
                        + " constructors " + constructors(type) + ": none is without arguments or marked"
                        + " @Autowired. Give the class a constructor without arguments, mark the one whose parameters"
                        + " are beans @Autowired, or declare it as a @Bean of your own that calls one (the class is"
                        + " then used once, as that bean)", null);
            }
            if (instantiation.getConstructor() != null && cause != null && !(cause instanceof InstantiationException)
                    && !(cause instanceof IllegalAccessException)) {
                return new JavaRevisionException(type.getName(), FOUND + ", but its constructor failed: " + cause,
                        cause);
            }
            return ex;
        }
        if (ex.getCause() != null && !(ex.getCause() instanceof BeansException)) {
            // Generated code (Spring AOT, a native image) calls the constructor itself.
            return new JavaRevisionException(type.getName(), FOUND + ", but that failed: " + ex.getCause(),
                    ex.getCause());
        }
        return ex;
    }

    private static boolean constructorParameter(@Nullable InjectionPoint injectionPoint) {
        MethodParameter parameter = (injectionPoint != null) ? injectionPoint.getMethodParameter() : null;
        return parameter != null && parameter.getExecutable() instanceof Constructor;
    }

    private static String parameter(@Nullable InjectionPoint injectionPoint) {
        MethodParameter parameter = (injectionPoint != null) ? injectionPoint.getMethodParameter() : null;
        if (parameter == null) {
            return "a parameter of its constructor";
        }
        return "parameter " + parameter.getParameterIndex() + " of its constructor ("
                + parameter.getParameterType().getName() + ")";
    }

    /** The constructors' parameter lists, e.g. {@code (java.lang.String) and (int)}. */
    private static String constructors(Class<?> type) {
        List<String> lists = Arrays.stream(type.getDeclaredConstructors())
            .map(Constructor::getParameterTypes)
            .map((parameters) -> Arrays.stream(parameters).map(Class::getName).collect(Collectors.joining(", ", "(",
                    ")")))
            .toList();
        return (lists.size() < 2) ? String.join("", lists)
                : String.join(", ", lists.subList(0, lists.size() - 1)) + " and " + lists.get(lists.size() - 1);
    }
}
