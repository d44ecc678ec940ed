package io.samokoder.migrations.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import io.samokoder.migrations.dialect.Dialect;
import io.samokoder.migrations.dialect.h2.H2Dialect;
import io.samokoder.migrations.dialect.mariadb.MariaDbDialect;
import io.samokoder.migrations.dialect.postgresql.PostgresDialect;
import io.samokoder.migrations.jpa.fixtures.small.Note;
import io.samokoder.migrations.ops.Column;
import io.samokoder.migrations.ops.PrimaryKey;
import io.samokoder.migrations.ops.Type;
import io.samokoder.migrations.schema.Schema;
import io.samokoder.migrations.schema.SchemaTable;
import java.util.List;
import org.junit.jupiter.api.Test;

class JpaModelSmallTest {

    /** Columns in Hibernate's order: the key first, then by attribute name. */
    @Test
    void oneEntityIsOneTableOnEveryDialect() {
        for (Dialect dialect : List.of(PostgresDialect.INSTANCE, H2Dialect.INSTANCE)) {
            assertThat(JpaModel.ofClasses(Note.class).model(dialect)).as(dialect.name())
                    .isEqualTo(expected("writtenat"));
        }
        assertThat(JpaModel.ofClasses(Note.class).model(MariaDbDialect.INSTANCE)).isEqualTo(expected("writtenAt"));
        assertThat(JpaModel.ofClasses(Note.class).model(MariaDbDialect.MYSQL)).isEqualTo(expected("writtenAt"));
    }

    @Test
    void springBootsSnakeCaseNamesWhenAsked() {
        Schema schema = JpaModel.ofClasses(Note.class)
                .withPhysicalNamingStrategy(JpaModel.SPRING_PHYSICAL_NAMING_STRATEGY).model(MariaDbDialect.INSTANCE);

        assertThat(schema).isEqualTo(expected("written_at"));
    }

    private static Schema expected(String writtenAt) {
        List<Column> columns = List.of(
                Column.of("id", Type.BIGINT).notNull().autoincrement(),
                Column.of("body", Type.string(255)),
                Column.of("pinned", Type.BOOLEAN).notNull(),
                Column.of("title", Type.string(200)).notNull(),
                Column.of(writtenAt, Type.TIMESTAMP));
        return new Schema(List.of(new SchemaTable(writtenAt.equals("writtenAt") ? "Note" : "note", columns,
                new PrimaryKey(null, List.of("id")), List.of(), List.of(), List.of(), null)), List.of());
    }
}
