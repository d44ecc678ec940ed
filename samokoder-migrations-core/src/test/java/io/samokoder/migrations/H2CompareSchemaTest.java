package io.samokoder.migrations;

import static org.assertj.core.api.Assertions.assertThat;

import io.samokoder.migrations.ops.Column;
import io.samokoder.migrations.ops.PrimaryKey;
import io.samokoder.migrations.ops.Type;
import io.samokoder.migrations.schema.CompareOptions;
import io.samokoder.migrations.schema.Schema;
import io.samokoder.migrations.schema.SchemaDiff;
import io.samokoder.migrations.schema.SchemaTable;
import java.nio.file.Path;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link Migrations#compareSchema} on H2: the lock's own table is the engine's, not the application's. */
class H2CompareSchemaTest {

    @Test
    void theLockTableIsNeitherUnmappedNorDropped(@TempDir Path dir) {
        Rev.writeAll(dir, Rev.of("a1", "").up("CREATE TABLE users (id BIGINT CONSTRAINT pk_users PRIMARY KEY);")
                .down("DROP TABLE users;"));
        DataSource ds = H2Db.memory();
        Migrations migrations = new Migrations(H2Db.config(ds, dir).build());
        migrations.upgrade("heads");
        assertThat(H2Db.tableExists(ds, "alembic_version_lock")).isTrue();

        Schema model = new Schema(List.of(new SchemaTable("users", List.of(Column.of("id", Type.BIGINT).notNull()),
                new PrimaryKey("pk_users", List.of("id")), List.of(), List.of(), List.of(), null)), List.of());
        SchemaDiff diff = migrations.compareSchema(model,
                CompareOptions.defaults(migrations.dialect()).withDropUnmappedTables(true), List.of());

        assertThat(diff.changes()).isEmpty();
        assertThat(diff.notes()).isEmpty();
    }
}
