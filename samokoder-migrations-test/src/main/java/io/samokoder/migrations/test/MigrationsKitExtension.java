package io.samokoder.migrations.test;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Resolves {@link MigrationsKit} parameters for {@link MigrationsTest} classes, over the one
 * {@code DataSource} field of the test class (static or not) that holds a value.
 */
public final class MigrationsKitExtension implements ParameterResolver {

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return parameterContext.getParameter().getType() == MigrationsKit.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        Class<?> testClass = extensionContext.getRequiredTestClass();
        MigrationsTest settings = AnnotationSupport.findAnnotation(testClass, MigrationsTest.class)
                .orElseThrow(() -> new ParameterResolutionException("Annotate " + testClass.getName()
                        + " with @MigrationsTest to have a MigrationsKit parameter"));
        Object instance = extensionContext.getTestInstance().orElse(null);
        List<DataSource> found = new ArrayList<>();
        for (Class<?> type = testClass; type != null && type != Object.class; type = type.getSuperclass()) {
            for (Field field : type.getDeclaredFields()) {
                if (!DataSource.class.isAssignableFrom(field.getType())) {
                    continue;
                }
                boolean isStatic = Modifier.isStatic(field.getModifiers());
                if (!isStatic && instance == null) {
                    continue;
                }
                try {
                    field.setAccessible(true);
                    Object value = field.get(isStatic ? null : instance);
                    if (value != null) {
                        found.add((DataSource) value);
                    }
                }
                catch (IllegalAccessException | RuntimeException ex) {
                    throw new ParameterResolutionException("Cannot read the DataSource field " + field.getName()
                            + " of " + testClass.getName() + ": " + ex.getMessage(), ex);
                }
            }
        }
        if (found.size() != 1) {
            throw new ParameterResolutionException("@MigrationsTest needs exactly one DataSource field with a value in "
                    + testClass.getName() + " (found " + found.size() + "), e.g. @Autowired DataSource dataSource"
                    + " in a @SpringBootTest, or a field a @BeforeEach method sets");
        }
        return MigrationsKit.of(found.get(0), settings.locations()).allowIrreversible(settings.allowIrreversible());
    }
}
