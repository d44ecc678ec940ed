package io.samokoder.migrations.script;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PlaceholdersTest {

    private static final Placeholders VALUES = Placeholders.of(Map.of("schema", "app", "Owner_Role", "admin",
            "db.name", "main"));

    @Test
    void replacesEachPlaceholderIgnoringTheCaseOfItsName() {
        assertThat(VALUES.replace("GRANT ALL ON ${schema}.t TO ${OWNER_role}, ${owner_role}; -- ${db.name}", "f", 1))
                .isEqualTo("GRANT ALL ON app.t TO admin, admin; -- main");
        assertThat(VALUES.values()).containsOnlyKeys("schema", "owner_role", "db.name");
    }

    @Test
    void leavesWhatIsNotAPlaceholderAsItIs() {
        String sql = "SELECT '$', '${', '${1}', '${ schema}', '${schema', '$${x y}', '${}'";
        assertThat(VALUES.replace(sql, "f", 1)).isSameAs(sql);
        assertThat(VALUES.replace("SELECT 1", "f", 1)).isEqualTo("SELECT 1");
    }

    @Test
    void aValueIsWrittenAsItIsAndNotReadAgain() {
        Placeholders tricky = Placeholders.of(Map.of("a", "${b}", "b", "x"));
        assertThat(tricky.replace("${a}${b}", "f", 1)).isEqualTo("${b}x");
    }

    @Test
    void aPlaceholderWithoutAValueNamesTheFileLineAndHowToFixIt() {
        assertThatThrownBy(() -> VALUES.replace("CREATE TABLE t (\n  id int,\n  note text DEFAULT '${note}'\n)",
                "classpath:db/migrations/a1.sql", 7))
                .isInstanceOf(ScriptFormatException.class)
                .hasMessage("classpath:db/migrations/a1.sql:9: No value for placeholder '${note}'; give it one"
                        + " (samokoder.migrations.placeholders.note), or turn placeholder replacement off"
                        + " (samokoder.migrations.placeholder-replacement=false) to run the script as written");
        assertThatThrownBy(() -> Placeholders.NONE.replace("SELECT ${x}", "f", 1))
                .isInstanceOf(ScriptFormatException.class).hasMessageStartingWith("f:1: No value for placeholder");
    }

    @Test
    void offRunsScriptsAsWritten() {
        String sql = "SELECT '${anything}'";
        assertThat(Placeholders.OFF.enabled()).isFalse();
        assertThat(Placeholders.OFF.replace(sql, "f", 1)).isSameAs(sql);
        assertThat(Placeholders.of(Map.of())).isSameAs(Placeholders.NONE);
    }

    @Test
    void statementsWithoutPlaceholdersAreTheSameList() {
        List<SqlStatement> plain = List.of(new SqlStatement("SELECT 1", 1, 3), new SqlStatement("SELECT 2", 2, 4));
        assertThat(VALUES.apply(plain, "f")).isSameAs(plain);
        List<SqlStatement> mixed = List.of(new SqlStatement("SELECT 1", 1, 3),
                new SqlStatement("CREATE SCHEMA ${schema}", 2, 4));
        assertThat(VALUES.apply(mixed, "f")).containsExactly(new SqlStatement("SELECT 1", 1, 3),
                new SqlStatement("CREATE SCHEMA app", 2, 4));
    }

    @Test
    void refusesNamesAPlaceholderCannotHave() {
        assertThatThrownBy(() -> Placeholders.of(Map.of("1st", "x"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'1st' is not a placeholder name");
        Map<String, String> twice = new LinkedHashMap<>();
        twice.put("Schema", "a");
        twice.put("schema", "b");
        assertThatThrownBy(() -> Placeholders.of(twice)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Placeholder 'schema' is given twice (names ignore case)");
    }

    @Test
    void showsNamesNotValues() {
        assertThat(Placeholders.of(Map.of("password", "S3cret")).toString()).isEqualTo("Placeholders[password]")
                .doesNotContain("S3cret");
    }

    /** A run's values for the built-ins of the connection and the run, as a run would give them. */
    private static final Placeholders.BuiltIns RUN = name -> switch (name) {
        case "flyway:user" -> "deployer";
        case "flyway:defaultschema" -> "public";
        case "flyway:table" -> "alembic_version";
        default -> null;
    };

    @Test
    void flywaysBuiltInPlaceholdersTakeTheRunsValuesUnlessGivenOne() {
        Placeholders run = VALUES.withBuiltIns(RUN);
        assertThat(run.replace("GRANT USAGE ON SCHEMA ${flyway:defaultSchema} TO ${FLYWAY:USER}; -- ${flyway:table}"
                + " ${schema}", "f", 1)).isEqualTo("GRANT USAGE ON SCHEMA public TO deployer; -- alembic_version app");
        assertThat(Placeholders.of(Map.of("flyway:user", "given")).withBuiltIns(RUN)
                .replace("${flyway:user}", "f", 1)).isEqualTo("given");
        // The file name, without its location, needs no run.
        assertThat(VALUES.replace("-- ${flyway:filename}", "classpath:db/repeatable/R__grants.sql", 1))
                .isEqualTo("-- R__grants.sql");
        assertThat(VALUES.replace("-- ${flyway:filename}", "/srv/app/db/migrations/a1_init.sql", 1))
                .isEqualTo("-- a1_init.sql");
        assertThat(Placeholders.OFF.withBuiltIns(RUN).replace("${flyway:user}", "f", 1)).isEqualTo("${flyway:user}");
    }

    @Test
    void aBuiltInWithoutAValueNamesThePropertyInBrackets() {
        // Offline, say: no connection to take the user from.
        assertThatThrownBy(() -> VALUES.withBuiltIns(name -> null).replace("SELECT '${flyway:user}'", "a.sql", 3))
                .isInstanceOf(ScriptFormatException.class)
                .hasMessageContaining("a.sql:3: ")
                .hasMessageContaining("No value for placeholder '${flyway:user}'")
                .hasMessageContaining("samokoder.migrations.placeholders.[flyway:user]");
        // Not one of the built-ins: given or refused as any other.
        assertThatThrownBy(() -> VALUES.withBuiltIns(RUN).replace("${flyway:environment}", "a.sql", 1))
                .isInstanceOf(ScriptFormatException.class)
                .hasMessageContaining("samokoder.migrations.placeholders.[flyway:environment]");
    }

    @Test
    void forChecksumsTheBuiltInsStayAsWrittenAndTheGivenValuesAreReplaced() {
        Placeholders summed = VALUES.withBuiltIns(RUN).forChecksums();
        assertThat(summed.replace("${schema} ${flyway:user} ${flyway:filename} ${Flyway:Timestamp}", "a.sql", 1))
                .isEqualTo("app ${flyway:user} ${flyway:filename} ${Flyway:Timestamp}");
        assertThat(Placeholders.of(Map.of("flyway:user", "given")).forChecksums().replace("${flyway:user}", "f", 1))
                .isEqualTo("given");
        assertThat(summed.forChecksums()).isSameAs(summed);
        assertThatThrownBy(() -> summed.replace("${missing}", "a.sql", 1)).isInstanceOf(ScriptFormatException.class);
        assertThat(summed.values()).isEqualTo(VALUES.values());
    }
}
