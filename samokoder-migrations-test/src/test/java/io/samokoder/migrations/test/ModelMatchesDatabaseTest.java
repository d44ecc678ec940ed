package io.samokoder.migrations.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.samokoder.migrations.ops.Column;
import io.samokoder.migrations.ops.Index;
import io.samokoder.migrations.ops.PrimaryKey;
import io.samokoder.migrations.ops.Type;
import io.samokoder.migrations.ops.Unique;
import io.samokoder.migrations.schema.ModelSource;
import io.samokoder.migrations.schema.Schema;
import io.samokoder.migrations.schema.SchemaTable;
import io.samokoder.migrations.testsupport.PostgresDatabaseExtension;
import io.samokoder.migrations.testsupport.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(PostgresDatabaseExtension.class)
class ModelMatchesDatabaseTest {

    private static final String SCRIPTS = "classpath:kit/model";

    private static ModelSource accounts(Column... extra) {
        List<Column> columns = new ArrayList<>(List.of(
                Column.of("id", Type.BIGINT).notNull().autoincrement(),
                Column.of("email", Type.string(255)).notNull(),
                Column.of("created", Type.TIMESTAMPTZ).notNull().serverDefault("now()"),
                Column.of("name", Type.TEXT)));
        columns.addAll(List.of(extra));
        return dialect -> new Schema(List.of(new SchemaTable("accounts", columns,
                new PrimaryKey("pk_accounts", List.of("id")), List.of(new Unique("uq_accounts_email", List.of("email"))),
                List.of(Index.on("accounts", "name").named("ix_accounts_name")), List.of(), null)), List.of());
    }

    @Test
    void aModelThatMatchesTheRevisionsPasses(TestDatabase db) throws Exception {
        MigrationsKit.of(db.dataSource(), SCRIPTS).assertModelMatchesDatabase(accounts());
        assertThat(kitSchemas(db)).isZero();
    }

    @Test
    void aModelWithAnExtraColumnFailsNamingIt(TestDatabase db) throws Exception {
        assertThatThrownBy(() -> MigrationsKit.of(db.dataSource(), SCRIPTS)
                .assertModelMatchesDatabase(accounts(Column.of("nickname", Type.string(50)))))
                .isInstanceOf(AssertionError.class)
                .hasMessage("The model does not match the database at the heads of classpath:kit/model:\n"
                        + "  Detected added column 'accounts.nickname'\n"
                        + "Write a revision for these changes with 'revision --autogenerate -m \"<message>\"'"
                        + " (in the application's command mode, or with the Maven plugin), review it, and run the"
                        + " tests again.");
        assertThat(kitSchemas(db)).isZero();
    }

    private static int kitSchemas(TestDatabase db) throws Exception {
        try (Connection c = db.connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                "SELECT count(*) FROM pg_namespace WHERE nspname LIKE 'samokoder_kit_%'")) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
