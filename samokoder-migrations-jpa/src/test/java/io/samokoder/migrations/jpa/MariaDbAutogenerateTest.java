package io.samokoder.migrations.jpa;

import io.samokoder.migrations.dialect.Dialect;
import io.samokoder.migrations.dialect.mariadb.MariaDbDialect;
import io.samokoder.migrations.testsupport.TestDatabase;
import io.samokoder.migrations.testsupport.TestMariaDb;
import io.samokoder.migrations.ops.Index;
import io.samokoder.migrations.schema.Schema;
import io.samokoder.migrations.schema.SchemaTable;
import java.sql.Connection;
import java.util.List;

/** The autogenerate round trip on MariaDB. */
class MariaDbAutogenerateTest extends AutogenerateRoundTripTest {

    @Override
    Dialect dialect() {
        return MariaDbDialect.INSTANCE;
    }

    /**
     * v1's catalog plus the index InnoDB made for v2's foreign key {@code fk_book_author}: dropping a foreign
     * key leaves that index in place, and the downgrade of {@code add_fk} does not drop it, so the catalog reads
     * it as an index of its own (and the next autogenerate would remove it). This expectation pins that
     * behaviour of the MariaDB renderer until its {@code DropConstraint} of a foreign key also drops the index.
     */
    @Override
    Schema v1AfterDowngrade(Schema atV1) {
        return new Schema(atV1.tables().stream().map(t -> !t.name().equals("book") ? t
                : new SchemaTable(t.name(), t.columns(), t.primaryKey(), t.uniques(),
                        List.of(Index.on("book", "author_id").named("fk_book_author")), t.foreignKeys(), t.comment()))
                .toList(), atV1.sequences());
    }

    @Override
    void onFreshDatabase(DatabaseBody body) throws Exception {
        try (TestDatabase db = TestMariaDb.createDatabase("jpa"); Connection connection = db.connect()) {
            body.run(connection);
        }
    }
}
