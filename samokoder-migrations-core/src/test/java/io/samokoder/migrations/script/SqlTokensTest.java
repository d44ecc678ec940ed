package io.samokoder.migrations.script;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.samokoder.migrations.script.SqlTokens.Kind;
import io.samokoder.migrations.script.SqlTokens.Token;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A statement in tokens, by PostgreSQL's and by MySQL's rules. */
class SqlTokensTest {

    private static List<String> kinds(SqlTokens tokens) {
        return tokens.tokens().stream().map(t -> t.kind() + ":" + t.text()).toList();
    }

    @Test
    void postgresqlReading() {
        SqlTokens tokens = SqlTokens.of("ALTER TABLE \"My \"\"T\"\" -- x\" /* a /* nested */ one */ ADD c text"
                + " DEFAULT E'it\\'s' -- trailing\n, ADD d int DEFAULT $q$ ; $q$;", false);
        assertThat(kinds(tokens)).containsExactly("WORD:ALTER", "WORD:TABLE", "NAME:\"My \"\"T\"\" -- x\"",
                "WORD:ADD", "WORD:c", "WORD:text", "WORD:DEFAULT", "STRING:E'it\\'s'", "SYMBOL:,", "WORD:ADD",
                "WORD:d", "WORD:int", "WORD:DEFAULT", "STRING:$q$ ; $q$");
        assertThat(tokens.comments()).containsExactly("a /* nested */ one", "trailing");
        Token name = tokens.tokens().get(2);
        assertThat(name.kind()).isEqualTo(Kind.NAME);
        assertThat(name.name()).isEqualTo("My \"T\" -- x");
        assertThat(tokens.tokens().get(0).is("alter")).isTrue();
        assertThat(tokens.tokens().get(0).name()).isEqualTo("alter");
        assertThat(name.is("my")).isFalse();
        assertThat(tokens.tokens().get(8).is(',')).isTrue();
    }

    @Test
    void mysqlReading() {
        SqlTokens tokens = SqlTokens.of("ALTER TABLE `a``b` # note\nMODIFY c varchar(5) DEFAULT \"x\\\"y\","
                + " ALGORITHM=INPLACE /*!50000 LOCK=NONE */", true);
        assertThat(kinds(tokens)).containsExactly("WORD:ALTER", "WORD:TABLE", "NAME:`a``b`", "WORD:MODIFY",
                "WORD:c", "WORD:varchar", "OPEN:(", "SYMBOL:5", "CLOSE:)", "WORD:DEFAULT", "STRING:\"x\\\"y\"",
                "SYMBOL:,", "WORD:ALGORITHM", "SYMBOL:=", "WORD:INPLACE", "SYMBOL:/*!50000 LOCK=NONE */");
        assertThat(tokens.tokens().get(2).name()).isEqualTo("a`b");
        assertThat(tokens.comments()).containsExactly("note");
        Token underscored = SqlTokens.of("SET foreign_key_checks = 0", true).tokens().get(1);
        assertThat(underscored.is("foreign_key_checks")).isTrue();
    }

    @Test
    void anOpenQuoteFails() {
        assertThatThrownBy(() -> SqlTokens.of("SELECT 'open", false)).isInstanceOf(ScriptFormatException.class);
    }
}
