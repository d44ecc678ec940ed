package io.samokoder.migrations.testsupport;

import java.util.function.Supplier;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * One fresh database per test class, handed to {@link TestDatabase} parameters of its tests,
 * lifecycle methods and constructor: created before the first test and dropped after the last. The
 * subclasses say which server it is on.
 */
abstract class ClassDatabaseExtension implements BeforeAllCallback, AfterAllCallback, ParameterResolver {

    private final ExtensionContext.Namespace namespace = ExtensionContext.Namespace.create(getClass());
    private final Supplier<TestDatabase> create;

    ClassDatabaseExtension(Supplier<TestDatabase> create) {
        this.create = create;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        database(context);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        TestDatabase db = context.getStore(this.namespace).remove("db", TestDatabase.class);
        if (db != null) {
            db.close();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return parameterContext.getParameter().getType() == TestDatabase.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return database(extensionContext);
    }

    private TestDatabase database(ExtensionContext context) {
        ExtensionContext classContext = context;
        while (classContext.getTestMethod().isPresent() && classContext.getParent().isPresent()) {
            classContext = classContext.getParent().get();
        }
        return classContext.getStore(this.namespace).computeIfAbsent("db", key -> this.create.get(),
                TestDatabase.class);
    }
}
