package io.samokoder.migrations.autoconfigure;

import io.samokoder.migrations.java.JavaRevision;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.util.ClassUtils;

/**
 * The bean names of the Java revisions found in {@code samokoder.migrations.java-packages}, in load
 * order, as {@link JavaRevisionsRegistrar} registered them.
 */
final class ScannedJavaRevisions {

    static final String BEAN_NAME = "samokoder.migrations.scannedJavaRevisions";

    private final String[] beanNames;

    ScannedJavaRevisions(String[] beanNames) {
        this.beanNames = beanNames.clone();
    }

    /**
     * The Java revisions to load: the beans first, then the scanned classes in load order; a class
     * that is also a bean is used once, as the bean.
     */
    static List<JavaRevision> with(List<JavaRevision> beans, ScannedJavaRevisions scanned, BeanFactory beanFactory) {
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
                revisions.add(beanFactory.getBean(name, JavaRevision.class));
            }
        }
        return revisions;
    }
}
