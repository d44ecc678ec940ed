package io.samokoder.migrations.test;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.samokoder.migrations.ops.Column;
import io.samokoder.migrations.ops.Type;
import java.util.Locale;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * The kit's checks over {@link PortableRevisions}, the same on every database: each database's test class
 * extends this with its DataSource.
 */
abstract class PortableRevisionsChecks {

    /** The database to check on, a fresh one per test class or per test. */
    abstract DataSource dataSource();

    /** Whether the database folds unquoted names to upper case (H2), as its catalog then shows them. */
    boolean foldsToUpperCase() {
        return false;
    }

    private String name(String unquoted) {
        return foldsToUpperCase() ? unquoted.toUpperCase(Locale.ROOT) : unquoted;
    }

    @Test
    void revisionsOfTheOperationsApiAlonePassEveryCheck() {
        MigrationsKit.of(dataSource(), "classpath:kit/none").javaRevisions(PortableRevisions.good()).assertAll();
    }

    @Test
    void aJavaRevisionWhoseDowngradeLeavesAColumnIsNamed() {
        assertThatThrownBy(() -> MigrationsKit.of(dataSource(), "classpath:kit/none")
                .javaRevisions(PortableRevisions.leaky()).assertDowngradesLeaveNoTrace())
            .isInstanceOf(AssertionError.class)
            .hasMessage("downgrade of c3c3c3c3c3c3 (java:" + PortableRevisions.LeakyNicknames.class.getName()
                    + ") leaves column " + name("users.nickname"));
    }

    @Test
    void theModelOfTheJavaRevisionsMatchesTheDatabase() {
        MigrationsKit.of(dataSource(), "classpath:kit/none")
            .javaRevisions(new PortableRevisions.Users(), new PortableRevisions.Orders())
            .assertModelMatchesDatabase(PortableRevisions.usersModel(), null, "orders");
    }

    @Test
    void aColumnTheRevisionsLackIsDetected() {
        assertThatThrownBy(() -> MigrationsKit.of(dataSource(), "classpath:kit/none")
                .javaRevisions(new PortableRevisions.Users(), new PortableRevisions.Orders())
                .assertModelMatchesDatabase(PortableRevisions.usersModel(Column.of("nickname", Type.string(50))),
                        null, "orders"))
            .isInstanceOf(AssertionError.class)
            .hasMessageStartingWith("The model does not match the database at the heads of classpath:kit/none:\n"
                    + "  Detected added column 'users.nickname'\n");
    }
}
