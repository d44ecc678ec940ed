package io.samokoder.migrations.test;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.samokoder.migrations.testsupport.PostgresDatabaseExtension;
import io.samokoder.migrations.testsupport.TestDatabase;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(PostgresDatabaseExtension.class)
@MigrationsTest(locations = "classpath:kit/irreversible", allowIrreversible = "b2b2b2b2b2b2")
class MigrationsTestAnnotationTest {

    private DataSource dataSource;

    @BeforeEach
    void setUp(TestDatabase db) {
        this.dataSource = db.dataSource();
    }

    @Test
    void kitParameterUsesTheFieldAndTheAnnotation(MigrationsKit kit) {
        kit.assertAll();
    }

    @Test
    void kitParameterWithoutTheAllowedRevision(MigrationsKit kit) {
        assertThatThrownBy(() -> MigrationsKit.of(this.dataSource, "classpath:kit/irreversible").assertReversible())
            .isInstanceOf(AssertionError.class)
            .hasMessageStartingWith("revision b2b2b2b2b2b2 ");
        kit.assertReversible();
    }
}
