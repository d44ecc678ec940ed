package io.samokoder.sample;

import io.samokoder.migrations.testsupport.TestDatabase;
import io.samokoder.migrations.testsupport.TestPostgres;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A fresh database for a {@code @SpringBootTest} class, readable from its
 * {@code @DynamicPropertySource} method. Declare it before {@code @SpringBootTest} so that the
 * database is dropped after Spring closed the context (with {@code @DirtiesContext}).
 */
final class ClassDatabase implements BeforeAllCallback, AfterAllCallback {

    private static final Map<Class<?>, TestDatabase> databases = new ConcurrentHashMap<>();

    static TestDatabase of(Class<?> testClass) {
        TestDatabase db = databases.get(testClass);
        if (db == null) {
            throw new IllegalStateException("Annotate " + testClass.getName() + " with @ExtendWith(ClassDatabase.class)");
        }
        return db;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        databases.put(context.getRequiredTestClass(), TestPostgres.createDatabase("sample"));
    }

    @Override
    public void afterAll(ExtensionContext context) {
        TestDatabase db = databases.remove(context.getRequiredTestClass());
        if (db != null) {
            db.close();
        }
    }
}
