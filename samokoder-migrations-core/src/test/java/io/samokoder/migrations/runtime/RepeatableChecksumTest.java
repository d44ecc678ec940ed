package io.samokoder.migrations.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.samokoder.migrations.dialect.postgresql.PostgresDialect;
import io.samokoder.migrations.script.Placeholders;
import io.samokoder.migrations.script.RepeatableScript;
import io.samokoder.migrations.script.SqlStatement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A repeatable script's checksum, without a database: given placeholder values count in it, Flyway's built-in
 * ones do not, so that another user or another time of day does not make the script due on a full start while
 * a start that reads no script (which cannot know them) says it is not.
 */
class RepeatableChecksumTest {

    private static final RepeatableScript GRANTS = RepeatableScript.of("R__grants.sql",
            "classpath:db/repeatable/R__grants.sql",
            "GRANT SELECT ON ALL TABLES IN SCHEMA ${flyway:defaultSchema} TO ${reader};\n"
                    + "COMMENT ON SCHEMA ${flyway:defaultSchema} IS 'by ${flyway:user} at ${flyway:timestamp}';\n");

    private static Repeatables.Prepared prepared(String reader, String user, String time) {
        Placeholders run = Placeholders.of(Map.of("reader", reader)).withBuiltIns(name -> switch (name) {
            case "flyway:defaultschema" -> "app";
            case "flyway:user" -> user;
            case "flyway:timestamp" -> time;
            default -> null;
        });
        return Repeatables.prepare(List.of(GRANTS), PostgresDialect.INSTANCE, run).get(0);
    }

    @Test
    void theBuiltInsValuesAreSentButNotSummed() {
        Repeatables.Prepared first = prepared("reporting", "deployer", "2026-12-07 12:00:00");
        Repeatables.Prepared second = prepared("reporting", "admin", "2026-12-08 09:30:00");

        assertThat(first.statements()).extracting(SqlStatement::sql).containsExactly(
                "GRANT SELECT ON ALL TABLES IN SCHEMA app TO reporting",
                "COMMENT ON SCHEMA app IS 'by deployer at 2026-12-07 12:00:00'");
        assertThat(second.statements().get(1).sql()).isEqualTo("COMMENT ON SCHEMA app IS 'by admin at 2026-12-08"
                + " 09:30:00'");
        assertThat(second.checksum()).isEqualTo(first.checksum());
        assertThat(prepared("auditors", "deployer", "2026-12-07 12:00:00").checksum())
                .as("a given value counts").isNotEqualTo(first.checksum());
    }
}
