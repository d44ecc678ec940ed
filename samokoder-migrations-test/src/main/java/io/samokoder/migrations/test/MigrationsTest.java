package io.samokoder.migrations.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Lets test methods declare a {@link MigrationsKit} parameter, built over the test class's
 * {@code DataSource} field (for example {@code @Autowired DataSource dataSource} in a
 * {@code @SpringBootTest}, or a field a {@code @BeforeEach} method sets):
 *
 * <pre>{@code
 * @SpringBootTest
 * @MigrationsTest
 * class MigrationsTests {
 *     @Autowired DataSource dataSource;
 *
 *     @Test
 *     void revisions(MigrationsKit kit) {
 *         kit.assertAll();
 *     }
 * }
 * }</pre>
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ExtendWith(MigrationsKitExtension.class)
public @interface MigrationsTest {

    /** Script locations; default {@code classpath:db/migrations}. */
    String[] locations() default "classpath:db/migrations";

    /** Revisions that deliberately have no downgrade; see {@link MigrationsKit#allowIrreversible}. */
    String[] allowIrreversible() default {};
}
