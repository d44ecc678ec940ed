package io.samokoder.migrations.test;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.samokoder.migrations.java.JavaRevision;
import io.samokoder.migrations.java.Revision;
import io.samokoder.migrations.ops.Operations;
import io.samokoder.migrations.testsupport.PostgresDatabaseExtension;
import io.samokoder.migrations.testsupport.TestDatabase;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The kit checks Java revisions as it checks SQL scripts, in one graph with them. */
@ExtendWith(PostgresDatabaseExtension.class)
class JavaRevisionsKitTest extends PortableRevisionsChecks {

    private TestDatabase db;

    @BeforeEach
    void database(TestDatabase db) {
        this.db = db;
    }

    @Override
    DataSource dataSource() {
        return this.db.dataSource();
    }

    @Revision(id = "f6f6f6f6f6f6", revises = "e5e5e5e5e5e5", message = "Nicknames")
    static class Nicknames implements JavaRevision {
        @Override
        public void upgrade(Operations op) {
            op.execute("ALTER TABLE users ADD COLUMN nickname text");
            op.execute("CREATE INDEX ix_users_nickname ON users (nickname)");
        }

        @Override
        public void downgrade(Operations op) {
            op.execute("DROP INDEX ix_users_nickname");
            op.execute("ALTER TABLE users DROP COLUMN nickname");
        }
    }

    @Revision(id = "f6f6f6f6f6f6", revises = "e5e5e5e5e5e5", message = "Nicknames, leaky")
    static class LeakyNicknames implements JavaRevision {
        @Override
        public void upgrade(Operations op) {
            op.execute("CREATE TABLE nicknames (user_id int, nickname text)");
        }

        @Override
        public void downgrade(Operations op) {
        }
    }

    @Test
    void aGoodJavaRevisionPassesEveryCheckBesideTheScripts(TestDatabase db) {
        MigrationsKit.of(db.dataSource(), "classpath:kit/good").javaRevisions(new Nicknames()).assertAll();
    }

    @Test
    void aJavaRevisionWhoseDowngradeLeavesATableIsNamed(TestDatabase db) {
        assertThatThrownBy(() -> MigrationsKit.of(db.dataSource(), "classpath:kit/good")
                .javaRevisions(new LeakyNicknames()).assertDowngradesLeaveNoTrace())
            .isInstanceOf(AssertionError.class)
            .hasMessageStartingWith("downgrade of f6f6f6f6f6f6 (java:" + LeakyNicknames.class.getName() + ") leaves")
            .hasMessageContaining("nicknames");
    }
}
